/**
 * Built-in fields as the user reads their names: in the import wizard and its
 * messages, and in a record's timeline of changes. One table, so a field is
 * called the same wherever it shows.
 */
export const fieldLabels: Record<string, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  notes: 'Notes',
  website: 'Website',
  address: 'Address',
  industry: 'Industry',
  title: 'Title',
  contact: 'Contact',
  valueMinor: 'Value',
  currency: 'Currency',
  stage: 'Stage',
  expectedCloseDate: 'Expected close',
  owner: 'Owner',
  probability: 'Probability',
  tags: 'Tags',
  leadSource: 'Lead source',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
  consent: 'Marketing consent',
};
