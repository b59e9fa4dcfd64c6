import type { TemplateProblem, TemplateText } from '../../../shared/schemas/template';
import type { CoreContext, Handlers } from '../context';
import { confirmOrCancel, countOf } from '../confirm-destructive';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { suggestedCsvName } from './csv-name';
import { memberMessage, queueCampaign, writeCampaignCsv, isSendableAddress, type OutputDeps } from './campaign-output';
import { compileTemplate } from './compile';
import { mailtoLink } from './mailto';
import { fieldCatalogue } from './merge-fields';
import { personValues } from './person-values';
import { campaignMembersRepo, mergeSourceRepo, templatesRepo } from './repo';

const templateGone = () => new CrmError('NOT_FOUND', 'This template no longer exists. It may have been deleted.');
const campaignGone = () => new CrmError('NOT_FOUND', 'This campaign no longer exists. It may have been deleted.');
const nameTaken = (name: string) =>
  new CrmError('VALIDATION', `There is already a template called “${name}”. Please choose another name.`, {
    fields: [{ field: 'name', message: `There is already a template called “${name}”.` }],
  });

/** Refuses output from a template that still has problems: nothing leaves with a broken field in it. */
function refuseProblems(problems: readonly TemplateProblem[]): void {
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new CrmError(
    'VALIDATION',
    `The template needs fixing first, so nothing was sent or saved: ${problems[0]!.message}${more}.`,
  );
}

export function templateHandlers({ db, clock, desktop, logger }: CoreContext) {
  const templates = templatesRepo(db);
  const people = mergeSourceRepo(db);
  const members = campaignMembersRepo(db);
  const write = writer(db);
  const now = () => clock.now().toISOString();
  const catalogue = () => fieldCatalogue(people.customFieldLabels());
  const compile = (text: TemplateText) => {
    const fields = catalogue();
    return { fields, compiled: compileTemplate(text, fields) };
  };

  /** What an output needs: the campaign, and its template read and checked (an email also needs a subject and a body). */
  const outputFor = (campaignId: number, templateId: number, as: 'email' | 'csv'): OutputDeps => {
    const campaign = members.campaign(campaignId);
    if (!campaign) throw campaignGone();
    const template = templates.get(templateId);
    if (!template) throw templateGone();
    const { fields, compiled } = compile(template);
    refuseProblems(compiled.problems);
    if (as === 'email' && (template.subject.trim() === '' || template.body.trim() === '')) {
      throw new CrmError(
        'VALIDATION',
        'An email needs a subject and a message, so nothing was sent. Write both, then try again.',
      );
    }
    return { db, catalogue: fields, template: compiled, campaign, people };
  };

  const save = write(
    (
      id: number | undefined,
      values: { name: string; subject: string; body: string; format: TemplateText['format'] },
    ) => {
      if (templates.nameTaken(values.name, id)) throw nameTaken(values.name);
      if (id === undefined) return templates.create(values, now());
      const saved = templates.update(id, values, now());
      if (!saved) throw templateGone();
      return saved;
    },
  );

  return {
    'templates.list': () => ({ templates: templates.list() }),
    'templates.get': ({ id }) =>
      templates.get(id) ??
      (() => {
        throw templateGone();
      })(),
    'templates.create': (draft) => save(undefined, draft),
    'templates.update': ({ id, ...changes }) => {
      const current = templates.get(id);
      if (!current) throw templateGone();
      return save(id, {
        name: changes.name ?? current.name,
        subject: changes.subject ?? current.subject,
        body: changes.body ?? current.body,
        format: changes.format ?? current.format,
      });
    },
    // Asked in main's native dialog, whoever sent the request: the template's text goes for good.
    'templates.delete': async ({ id }) => {
      const template = templates.get(id);
      if (!template) throw templateGone();
      const using = templates.campaignsUsing(id);
      await confirmOrCancel(
        desktop,
        {
          title: 'Delete template',
          message: `Delete the template “${template.name}”?`,
          detail: [
            'Its subject and message go for good.',
            using === 0
              ? ''
              : `${countOf(using, 'campaign uses', 'campaigns use')} it and will have no message chosen.`,
            'Emails already queued or sent are not changed. This cannot be undone.',
          ]
            .filter(Boolean)
            .join(' '),
          confirmLabel: 'Delete Template',
        },
        `The template “${template.name}” was not deleted.`,
      );
      if (!templates.delete(id)) throw templateGone();
      return { id };
    },
    'templates.fields': () => ({ fields: catalogue().fields }),
    'templates.check': (text) => ({ problems: compile(text).compiled.problems }),
    'templates.preview': ({ contactId, ...text }) => {
      const { fields, compiled } = compile(text);
      const person = people.person(contactId);
      if (!person) throw new CrmError('NOT_FOUND', 'This person no longer exists. They may have been deleted.');
      const merged = compiled.render(personValues(person, fields));
      return { ...merged, problems: compiled.problems };
    },
    'templates.ofCampaign': ({ campaignId }) => {
      const campaign = members.campaign(campaignId);
      if (!campaign) throw campaignGone();
      return { templateId: campaign.template_id };
    },
    'templates.choose': write(({ campaignId, templateId }: { campaignId: number; templateId: number | null }) => {
      if (templateId !== null && !templates.get(templateId)) throw templateGone();
      if (!members.setTemplate(campaignId, templateId, now())) throw campaignGone();
      return { templateId };
    }),
    'templates.recipients': ({ campaignId, search }) => {
      if (!members.campaign(campaignId)) throw campaignGone();
      const found = members.search(campaignId, search, 50);
      return {
        total: members.total(campaignId),
        recipients: found.map((member) => ({
          contactId: member.contact_id,
          name: member.name,
          email: member.email,
          mayBeContacted: member.may_be_contacted === 1,
        })),
      };
    },
    'templates.exportCsv': async ({ campaignId, templateId }) => {
      const deps = outputFor(campaignId, templateId, 'csv');
      const destination = await desktop.chooseSaveLocation(suggestedCsvName(deps.campaign.name, clock.now()));
      if (destination === undefined) return { saved: false, rows: 0, leftOutForConsent: 0, leftOutNoEmail: 0 };
      const result = await writeCampaignCsv(deps, destination);
      logger.info('campaign messages exported for a mail tool', { campaignId, rows: result.rows });
      return result;
    },
    'templates.mailto': async ({ campaignId, templateId, contactId }) => {
      const deps = outputFor(campaignId, templateId, 'email');
      const member = members.member(campaignId, contactId);
      if (!member) throw new CrmError('NOT_FOUND', 'This person is not a member of the campaign any more.');
      if (!member.may_be_contacted)
        throw new CrmError(
          'FORBIDDEN',
          `“${member.name}” has unsubscribed or must not be contacted, so no message was opened.`,
        );
      if (!isSendableAddress(member.email))
        throw new CrmError('VALIDATION', `“${member.name}” has no usable email address, so no message was opened.`);
      const message = memberMessage(deps, contactId);
      if (!message) throw new CrmError('NOT_FOUND', 'This person no longer exists. They may have been deleted.');
      await desktop.openMailto(mailtoLink(member.email, message.subject, message.text));
      return { opened: true as const };
    },
    'templates.queue': async ({ campaignId, templateId }) => {
      const result = await queueCampaign(outputFor(campaignId, templateId, 'email'), now);
      logger.info('campaign messages queued', { campaignId, ...result });
      return result;
    },
  } satisfies Partial<Handlers>;
}
