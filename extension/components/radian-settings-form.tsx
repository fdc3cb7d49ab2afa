import { useEffect, useState } from 'preact/hooks';
import type { AutoSendSetting, DianEnvironmentName, RadianSettingsView } from '#shared/radian';
import { bytesToBase64 } from '../lib/base64';
import { toAgentError } from '../lib/errors';
import { formatLongDate } from '../lib/format';
import { useApi } from './api-context';

const AUTO_SEND_LABELS: Record<AutoSendSetting, string> = {
  none: 'No enviar nada solo: cada evento lo envía una persona',
  '030': 'Enviar solo el acuse de recibo (030) al registrar una factura a crédito',
  '030_032': 'Enviar el acuse (030) y el recibo del bien (032): recibimos los bienes y servicios al llegar la factura',
};

/**
 * The company's RADIAN settings (issue 16): its signing certificate (.p12), the DIAN software, who receives the goods,
 * what the agent sends by itself and the outgoing mail server for the supplier's copy. The PIN and the passwords are
 * typed, never shown: an empty field keeps what is stored.
 */
export function RadianSettingsForm() {
  const api = useApi();
  const [view, setView] = useState<RadianSettingsView>();
  const [form, setForm] = useState<Record<string, string>>({});
  const [p12, setP12] = useState<File>();
  const [p12Password, setP12Password] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    void api
      .radianSettings()
      .then((settings) => {
        setView(settings);
        setForm({
          softwareId: settings.software?.softwareId ?? '',
          environment: settings.software?.environment ?? 'habilitacion',
          firstName: settings.receiver?.firstName ?? '',
          familyName: settings.receiver?.familyName ?? '',
          idType: settings.receiver?.idType ?? '13',
          idNumber: settings.receiver?.idNumber ?? '',
          jobTitle: settings.receiver?.jobTitle ?? '',
          department: settings.receiver?.department ?? '',
          autoSend: settings.autoSend,
          smtpHost: settings.smtp?.host ?? '',
          smtpPort: String(settings.smtp?.port ?? 587),
          smtpSecure: settings.smtp?.secure ? 'si' : 'no',
          smtpUser: settings.smtp?.user ?? '',
          smtpFrom: settings.smtp?.from ?? '',
        });
      })
      .catch((failure) => setError(toAgentError(failure).message));
  }, [api]);

  const field = (name: string, label: string, options: { type?: 'text' | 'password'; required?: boolean; placeholder?: string } = {}) => (
    <label class="ag-field">
      <span class="ag-field__label">{label}</span>
      <input
        type={(options.type ?? 'text') as 'text'}
        required={options.required}
        placeholder={options.placeholder}
        value={form[name] ?? ''}
        onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (failure) {
      setError(toAgentError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: Event) => {
    event.preventDefault();
    if (!p12) return;
    void run(async () => {
      const certificate = await api.uploadCertificate(bytesToBase64(new Uint8Array(await p12.arrayBuffer())), p12Password);
      setView({ ...view!, certificate });
      setP12Password('');
      return `Certificado guardado: ${certificate.subject}.`;
    });
  };

  const save = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const saved = await api.saveRadianSettings({
        ...(form.softwareId ? { software: { softwareId: form.softwareId, environment: form.environment as DianEnvironmentName, ...(form.pin ? { pin: form.pin } : {}) } } : {}),
        ...(form.firstName && form.idNumber
          ? { receiver: { firstName: form.firstName, familyName: form.familyName ?? '', idType: form.idType ?? '13', idNumber: form.idNumber, jobTitle: form.jobTitle ?? '', department: form.department ?? '' } }
          : {}),
        autoSend: (form.autoSend ?? 'none') as AutoSendSetting,
        ...(form.smtpHost
          ? {
              smtp: {
                host: form.smtpHost,
                port: Number(form.smtpPort || 587),
                secure: form.smtpSecure === 'si',
                user: form.smtpUser || null,
                ...(form.smtpPassword ? { password: form.smtpPassword } : {}),
                from: form.smtpFrom ?? '',
              },
            }
          : {}),
      });
      setView(saved);
      setForm({ ...form, pin: '', smtpPassword: '' });
      return 'Configuración de eventos RADIAN guardada.';
    });
  };

  const certificate = view?.certificate;
  return (
    <details class="ag-card" data-testid="agente-radian-settings">
      <summary class="ag-card__title">Eventos RADIAN: certificado y configuración</summary>
      <p class="ag-muted ag-small">Para las facturas a crédito la DIAN pide el acuse de recibo (030) y el recibo del bien (032). Firma con el certificado de tu empresa.</p>
      {certificate ? (
        <p class={`ag-alert ${certificate.warning ? 'ag-alert--warning' : 'ag-alert--info'}`} role="status" data-testid="agente-radian-certificate">
          Certificado de {certificate.subject} (NIT {certificate.nit}), vence el {formatLongDate(certificate.notAfter.slice(0, 10))}. {certificate.warning ?? ''}
        </p>
      ) : (
        <p class="ag-muted ag-small">Aún no hay certificado de firma.</p>
      )}
      <form onSubmit={upload}>
        <label class="ag-field">
          <span class="ag-field__label">Certificado de la empresa (.p12)</span>
          <input type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setP12((e.target as HTMLInputElement).files?.[0])} />
        </label>
        <label class="ag-field">
          <span class="ag-field__label">Contraseña del certificado</span>
          <input type="password" value={p12Password} onInput={(e) => setP12Password((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="ag-button ag-button--small" disabled={busy || !p12}>
          Subir certificado
        </button>
      </form>
      <form onSubmit={save}>
        <h4 class="ag-small">Software registrado en la DIAN</h4>
        {field('softwareId', 'Identificador del software (SoftwareID)')}
        {field('pin', view?.software ? 'PIN (déjalo vacío para conservar el guardado)' : 'PIN del software', { type: 'password' })}
        <label class="ag-field">
          <span class="ag-field__label">Ambiente</span>
          <select class="ag-select" value={form.environment} onChange={(e) => setForm({ ...form, environment: (e.target as HTMLSelectElement).value })}>
            <option value="habilitacion">Habilitación (pruebas)</option>
            <option value="produccion">Producción</option>
          </select>
        </label>
        <h4 class="ag-small">Quién recibe los bienes y servicios</h4>
        {field('firstName', 'Nombres')}
        {field('familyName', 'Apellidos')}
        {field('idType', 'Tipo de documento (13 cédula de ciudadanía, 22 cédula de extranjería)')}
        {field('idNumber', 'Número de documento')}
        {field('jobTitle', 'Cargo')}
        {field('department', 'Área')}
        <h4 class="ag-small">Qué envía el agente solo</h4>
        <select class="ag-select" aria-label="Envío automático" value={form.autoSend} onChange={(e) => setForm({ ...form, autoSend: (e.target as HTMLSelectElement).value })}>
          {(Object.keys(AUTO_SEND_LABELS) as AutoSendSetting[]).map((value) => (
            <option key={value} value={value}>
              {AUTO_SEND_LABELS[value]}
            </option>
          ))}
        </select>
        <p class="ag-muted ag-small">Aceptar (033) y Reclamar (031) son siempre decisión tuya, desde cada factura. Con el agente desactivado no se envía nada solo.</p>
        <h4 class="ag-small">Correo de salida para la copia al proveedor</h4>
        {field('smtpHost', 'Servidor SMTP', { placeholder: 'smtp.tuempresa.com' })}
        {field('smtpPort', 'Puerto')}
        <label class="ag-field">
          <span class="ag-field__label">Cifrado desde el inicio (puerto 465)</span>
          <select class="ag-select" value={form.smtpSecure} onChange={(e) => setForm({ ...form, smtpSecure: (e.target as HTMLSelectElement).value })}>
            <option value="no">No (STARTTLS)</option>
            <option value="si">Sí</option>
          </select>
        </label>
        {field('smtpUser', 'Usuario')}
        {field('smtpPassword', view?.smtp?.hasPassword ? 'Contraseña (déjala vacía para conservar la guardada)' : 'Contraseña', { type: 'password' })}
        {field('smtpFrom', 'Dirección del remitente')}
        <button type="submit" class="ag-button ag-button--small" disabled={busy}>
          Guardar configuración
        </button>
      </form>
      {message && (
        <p class="ag-alert ag-alert--info" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="ag-alert ag-alert--error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
