// Reference data every deployment has: the nine service domains and the coded needs.
// Need nodes are a vocabulary to look codes up in; facts carry their codes in a needCodes
// list property and are not linked to Need nodes (a code such as 3A would become a supernode).
UNWIND [
  {code: 'SOCIAL_CARE', name: 'Social care', tier: 4},
  {code: 'EARLY_HELP', name: 'Early help', tier: 3},
  {code: 'EDUCATION', name: 'Education', tier: 1},
  {code: 'SEND_NEET', name: 'SEND and NEET', tier: 2},
  {code: 'YOUTH_JUSTICE', name: 'Youth justice', tier: 3},
  {code: 'UNIVERSAL', name: 'Universal (health visiting, children\'s centres)', tier: 1},
  {code: 'HOUSING', name: 'Housing', tier: 2},
  {code: 'POLICE', name: 'Police', tier: 2},
  {code: 'HEALTH', name: 'Health', tier: 1}
] AS s
MERGE (n:Service {code: s.code})
SET n.name = s.name, n.tier = s.tier;

UNWIND [
  ['1A','Alcohol misuse: child'], ['1B','Alcohol misuse: parent/carer'], ['1C','Alcohol misuse: other household member'],
  ['2A','Drug misuse: child'], ['2B','Drug misuse: parent/carer'], ['2C','Drug misuse: other household member'],
  ['3A','Domestic violence: child'], ['3B','Domestic violence: parent/carer'], ['3C','Domestic violence: other household member'],
  ['4A','Mental health: child'], ['4B','Mental health: parent/carer'], ['4C','Mental health: other household member'],
  ['5A','Learning disability: child'], ['5B','Learning disability: parent/carer'], ['5C','Learning disability: other household member'],
  ['6A','Physical disability or illness: child'], ['6B','Physical disability or illness: parent/carer'], ['6C','Physical disability or illness: other household member'],
  ['7A','Young carer'], ['8B','Privately fostered: overseas child, parents overseas'], ['8C','Privately fostered: overseas child, parents in UK'],
  ['8D','Privately fostered: UK child, educational reasons'], ['8E','Privately fostered: UK child, family breakdown'], ['8F','Privately fostered: UK child, other'],
  ['9A','Unaccompanied asylum seeking child'], ['10A','Going missing'], ['11A','Child sexual exploitation'],
  ['12A','Trafficking'], ['13A','Gangs'], ['14A','Socially unacceptable behaviour'], ['15A','Self-harm'],
  ['16A','Neglect'], ['17A','Emotional abuse'], ['18B','Physical abuse: parent/carer'], ['18C','Physical abuse: other person'],
  ['19B','Sexual abuse: parent/carer'], ['19C','Sexual abuse: other person'], ['20','Other'], ['21','No factors identified'],
  ['22A','Female genital mutilation'], ['23A','Abuse linked to faith or belief'], ['24A','Child criminal exploitation']
] AS f
MERGE (n:Need {key: 'CIN_FACTOR:' + f[0]})
SET n.scheme = 'CIN_FACTOR', n.code = f[0], n.label = f[1];

UNWIND [
  ['N0','Not stated'], ['N1','Abuse or neglect'], ['N2','Child\'s disability or illness'], ['N3','Parental disability or illness'],
  ['N4','Family in acute stress'], ['N5','Family dysfunction'], ['N6','Socially unacceptable behaviour'], ['N7','Low income'],
  ['N8','Absent parenting'], ['N9','Cases other than children in need']
] AS p
MERGE (n:Need {key: 'PRIMARY_NEED:' + p[0]})
SET n.scheme = 'PRIMARY_NEED', n.code = p[0], n.label = p[1];

UNWIND [
  ['NEG','Neglect'], ['PHY','Physical abuse'], ['SAB','Sexual abuse'], ['EMO','Emotional abuse'], ['MUL','Multiple categories']
] AS a
MERGE (n:Need {key: 'ABUSE_CATEGORY:' + a[0]})
SET n.scheme = 'ABUSE_CATEGORY', n.code = a[0], n.label = a[1];
