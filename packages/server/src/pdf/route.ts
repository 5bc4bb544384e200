/**
 * `GET /dossiers/{id}/pdf`: the afgerond dossier as a PDF for whoever may read it, exactly as
 * `GET /dossiers/{id}` gives it to them (the MBO: what was shared; opening it marks it read, as
 * reading it does). A route of the reference server beside the contract's: optional for vendors.
 * 404 for whoever may not read the dossier; 409 wrongState before it is afgerond.
 */
import { intakeExportFileName, refusal } from '@doorstroom/sdk';
import { problems, ServiceError, type DossierService, type HandlerRoute } from '../sdk.js';
import { dossierPdf } from './dossier-pdf.js';

export function dossierPdfRoute(service: DossierService, options: { now?: () => Date } = {}): HandlerRoute {
  const now = options.now ?? (() => new Date());
  return {
    path: ['dossiers', ':', 'pdf'],
    methods: {
      GET: async ({ actor, params }) => {
        const id = params[0]!;
        const dossier = await service.getDossier(actor, id);
        if (dossier.status !== 'afgerond') throw new ServiceError(problems.refused(refusal('wrongState')));
        const [config, verification] = await Promise.all([service.config(actor), service.verifyHistory(actor, id)]);
        const bytes = await dossierPdf({ dossier, config, reader: actor, verification, generatedAt: now() });
        return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="${intakeExportFileName('pdf', dossier)}"`,
            'Content-Length': String(bytes.byteLength),
            'Cache-Control': 'no-store',
          },
        });
      },
    },
  };
}
