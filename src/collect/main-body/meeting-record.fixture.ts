/**
 * Verbatim records of meetings, written for the tests: a UN committee's provisional record laid out as its PDF prints
 * (cover, running heads and feet that break paragraphs mid-sentence) and a parliament's daily report (Hansard-like).
 */

const HEAD_LEFT = 'A/C.1/79/PV.12                 General and complete disarmament                 21/10/2025';
const HEAD_RIGHT = '21/10/2025                 General and complete disarmament                 A/C.1/79/PV.12';

export const COMMITTEE_RECORD = `United Nations                                              A/C.1/79/PV.12
General Assembly                                            Official Records
Eightieth session

First Committee
12th meeting
Tuesday, 21 October 2025, 3 p.m.
Geneva

Chair:         Mr. Okonkwo  . . . . . . . . . . . . . . . . . . . . . (Nigeria)

       This record contains the text of speeches delivered in English and of the translation of
       speeches delivered in other languages. Corrections should be submitted to the original
       languages only.

25-30411 (E)

${HEAD_LEFT}

       The meeting was called to order at 3.10 p.m.

       The Chair: I give the floor to the representative of Norway.
       Ms. Haugland (Norway): Since the last session, four more States have ratified the
Convention, and the stockpiles destroyed this year amount to some 1,800 tonnes. We urge the
remaining holders of cluster munitions to declare the 12 depots they still

2/3                                                                          25-30411

${HEAD_RIGHT}

maintain near their borders. Norway has pledged a further 40 million kroner to clearance.
       Mr. Salvatierra (Bolivia) (spoke in Spanish): My delegation shares that concern. Our
region cleared 3,200 square kilometres of contaminated land last year.

25-30411                                                                          3/3

${HEAD_LEFT}

       The Chair: There are no further speakers on my list.
       The meeting rose at 5.40 p.m.


      This record contains the text of speeches delivered in English and of the translation of
      speeches delivered in other languages.

25-30411                                                                          3/3
`;

export const PARLIAMENT_RECORD = `PARLIAMENTARY DEBATES
HOUSE OF REPRESENTATIVES
OFFICIAL REPORT
Wednesday, 4 March 2026

Members present: the Speaker, the Deputy Speaker and 112 Members (see Division List No. 7)

The House met at half-past two o'clock

PRAYERS

[Madam Speaker in the Chair]

Coastal Patrol Vessels

Mr. Ferreira (Port Alder): What assessment has the Minister made of the patrol fleet? In my
constituency we have seen 14 incursions by foreign trawlers since January.

The Minister for Defence (Ms. Okafor): The fleet now has 9 vessels in service, and 3 more will be
commissioned by the end of next year. We have spent £210 million on the programme.

Madam Speaker: Order. We must move on.

The House adjourned at 7.02 p.m.

Published by the Office of the Clerk. Copies may be ordered from the Parliamentary Bookshop.
`;
