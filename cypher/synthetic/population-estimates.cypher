// Synthetic authority: ONS-style mid-year population estimates of its LSOAs, consistent with its
// children (docs/synthetic-data.md): for each mid-year (30 June) from the data window's start to the
// reference date, the synthetic children alive then (born on or before it, not died before it) by
// single year of age 0-17 and the LSOA they lived in on 30 June. Every child of the authority is
// known to a service, so these are its whole child population. Each LSOA gets every age of every
// mid-year, zero when no child of that age lived there, so its estimates cover 0-17 exactly.
// Parameters: none (the window and reference date are the Dataset's).
MATCH (d:Dataset {id: 'main'})
WITH [y IN range(d.windowStart.year, d.referenceDate.year)
      WHERE date({year: y, month: 6, day: 30}) <= d.referenceDate
      | date({year: y, month: 6, day: 30})] AS midYears
CALL (midYears) {
  MATCH (a:Area)
  WHERE a.kind = 'LSOA'
  UNWIND midYears AS mid
  UNWIND range(0, 17) AS age
  MERGE (p:PopulationEstimate {key: a.code + '|' + mid.year + '|' + age + '-' + age})
  SET p.areaCode = a.code, p.year = mid.year, p.ageFrom = age, p.ageTo = age, p.count = 0,
      p.sourceSystem = 'SYNTHETIC', p.synthetic = true
}
CALL (midYears) {
  MATCH (c:Child)
  WHERE c.synthetic AND c.birthDate IS NOT NULL
  UNWIND midYears AS mid
  WITH c, mid
  WHERE c.birthDate <= mid AND (c.deathDate IS NULL OR c.deathDate > mid)
  WITH c, mid, duration.between(c.birthDate, mid).years AS age
  WHERE age <= 17
  WITH mid, age,
       head([(c)-[m:MEMBER_OF]->(:Household)-[l:LIVES_AT]->(:Address)-[:IN]->(lsoa:Area)
             WHERE (m.from IS NULL OR m.from <= mid) AND (m.to IS NULL OR m.to > mid)
               AND (l.from IS NULL OR l.from <= mid) AND (l.to IS NULL OR l.to > mid)
             | lsoa.code]) AS lsoa
  WHERE lsoa IS NOT NULL
  WITH lsoa, mid.year AS year, age, count(*) AS children
  MATCH (p:PopulationEstimate {key: lsoa + '|' + year + '|' + age + '-' + age})
  SET p.count = children
}
RETURN count(*) AS done
