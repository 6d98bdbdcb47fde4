/** The parts of FHIR R4 Questionnaire / QuestionnaireResponse / Bundle this export writes. */

export type QuestionnaireItemType =
  | 'group'
  | 'display'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'string'
  | 'text'
  | 'choice'
  | 'quantity';

export interface Coding {
  system?: string;
  code: string;
  display?: string;
}

export interface Extension {
  url: string;
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueCoding?: Coding;
  valueString?: string;
}

export interface Quantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface EnableWhen {
  question: string;
  operator: 'exists' | '=' | '!=';
  answerBoolean?: boolean;
  answerCoding?: Coding;
}

export interface AnswerOption {
  valueCoding: Coding;
  extension?: Extension[];
}

export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  /** LOINC coding of the observation the item records. */
  code?: Coding[];
  enableWhen?: EnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: AnswerOption[];
  extension?: Extension[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType: string[];
  item: QuestionnaireItem[];
}

export interface ResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueString?: string;
  valueCoding?: Coding;
  valueQuantity?: Quantity;
}

export interface ResponseItem {
  linkId: string;
  text?: string;
  answer?: ResponseAnswer[];
  item?: ResponseItem[];
}

export interface Identifier {
  system: string;
  value: string;
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  identifier: Identifier;
  questionnaire: string;
  status: 'in-progress' | 'completed' | 'amended';
  subject?: { identifier: Identifier; display?: string };
  authored: string;
  author: { display: string };
  item: ResponseItem[];
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { resource: Questionnaire | QuestionnaireResponse }[];
}
