// Which of the given area codes are LSOAs or wards (a cohort's area filter). Unique-index seeks on
// Area.code. Parameters: $codes. Example: :param codes => ['E01000001']
UNWIND $codes AS code
MATCH (a:Area {code: code})
WHERE a.kind IN ['LSOA', 'WARD']
RETURN a.code AS code
