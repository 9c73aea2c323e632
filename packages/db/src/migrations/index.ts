import { Spine1763800000000 } from './1763800000000-Spine';
import { Teachers1763900000000 } from './1763900000000-Teachers';
import { TeacherImports1764000000000 } from './1764000000000-TeacherImports';
import { TeacherRequests1764100000000 } from './1764100000000-TeacherRequests';
import { PositionSince1764150000000 } from './1764150000000-PositionSince';
import { CareProgrammes1764300000000 } from './1764300000000-CareProgrammes';
import { TeacherListIndexes1764400000000 } from './1764400000000-TeacherListIndexes';
import { TeacherNamePinyin1764500000000 } from './1764500000000-TeacherNamePinyin';
import { CareAttachments1764600000000 } from './1764600000000-CareAttachments';
import { Reminders1764700000000 } from './1764700000000-Reminders';
import { Disputes1764800000000 } from './1764800000000-Disputes';
import { CaseDocuments1764810000000 } from './1764810000000-CaseDocuments';
import { LegalAid1764820000000 } from './1764820000000-LegalAid';
import { Supervision1764830000000 } from './1764830000000-Supervision';
import { HolidaysAndCaseReminders1764840000000 } from './1764840000000-HolidaysAndCaseReminders';
import { CaseReportIndexes1764860000000 } from './1764860000000-CaseReportIndexes';

/** In order; never edit one that has shipped, add a new one. */
export const MIGRATIONS = [
  Spine1763800000000,
  Teachers1763900000000,
  TeacherImports1764000000000,
  TeacherRequests1764100000000,
  PositionSince1764150000000,
  CareProgrammes1764300000000,
  TeacherListIndexes1764400000000,
  TeacherNamePinyin1764500000000,
  CareAttachments1764600000000,
  Reminders1764700000000,
  Disputes1764800000000,
  CaseDocuments1764810000000,
  LegalAid1764820000000,
  Supervision1764830000000,
  HolidaysAndCaseReminders1764840000000,
  CaseReportIndexes1764860000000,
];
