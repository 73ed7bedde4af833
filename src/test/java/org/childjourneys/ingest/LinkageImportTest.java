package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Probabilistic linkage through a real import: a school's records without NHS numbers find the
 * health records of the same children, a twin finds the right twin, a changed name that also moved
 * goes to the review queue, and a daughter named after her mother stays apart. Re-running the
 * import changes nothing.
 */
class LinkageImportTest extends ImportTestBase {

  private static final String HEADER =
      "person_id,person_type,given_name,family_name,birth_date,sex,ethnicity,postcode,nhs_number,upn,"
          + "other_id_scheme,other_id,restriction,changed_at";

  @Test
  void recordsWithoutSharedIdentifiersAreMatchedReviewedOrKeptApart() throws Exception {
    Path health =
        file(
            "health",
            HEADER,
            "H1,CHILD,Amelia,Quinton,2014-03-09,F,WBRI,XY1 1AB,9434765919,,,,,",
            "H2,CHILD,Lily,Quinton,2014-03-09,F,WBRI,XY1 1AB,9434765927,,,,,",
            "H3,CHILD,Sophie,Marsh,2011-06-01,F,WBRI,XY2 2CD,9434765935,,,,,",
            "H4,CHILD,Leah,Walker,2008-02-11,F,WBRI,XY4 9PQ,9434765943,,,,,");
    Path school =
        file(
            "school",
            HEADER,
            "S1,CHILD,Amelia,Quinton,2014-03-09,F,WBRI,XY1 1AB,,,,,,",
            "S2,CHILD,Lilly,Quinton,2014-03-09,F,WBRI,XY1 1AB,,,,,,",
            "S3,CHILD,Sophie,Ahmed,2011-06-01,F,WBRI,ZZ9 9ZZ,,,,,,",
            "S4,CHILD,Leah,Walker,2025-09-14,F,WBRI,XY4 9PQ,,,,,,",
            "S5,CHILD,Sofia,Marsh-Khan,2011-06-01,F,WBRI,XY7 7ZZ,9434765935,,,,,");
    LocalDate reference = LocalDate.of(2026, 3, 31);
    assertThat(
            runImport(ImportFormat.CSV, "GP_HEALTH", reference, ImportMode.DELTA, health).status())
        .isEqualTo("SUCCEEDED");
    ImportJob first =
        runImport(ImportFormat.CSV, "SCHOOL_MIS", reference, ImportMode.DELTA, school);
    assertThat(first.status()).as(first.error()).isEqualTo("SUCCEEDED");

    assertThat(personOf("SCHOOL_MIS:S1")).isEqualTo(personOf("GP_HEALTH:H1"));
    assertThat(personOf("SCHOOL_MIS:S2")).isEqualTo(personOf("GP_HEALTH:H2"));
    assertThat(personOf("SCHOOL_MIS:S3")).isNotEqualTo(personOf("GP_HEALTH:H3"));
    assertThat(personOf("SCHOOL_MIS:S4")).isNotEqualTo(personOf("GP_HEALTH:H4"));
    assertThat(personOf("SCHOOL_MIS:S5")).isEqualTo(personOf("GP_HEALTH:H3"));
    assertThat(
            query(
                    "MATCH (:PersonRecord {id: 'SCHOOL_MIS:S5'})-[l:REFERS_TO]->() RETURN l.method AS m,"
                        + " l.evidence AS e")
                .get(0)
                .get("e")
                .asList(v -> v.asString()))
        .containsExactly("NHS:EXACT");
    var link =
        query(
                "MATCH (:PersonRecord {id: 'SCHOOL_MIS:S1'})-[l:REFERS_TO]->() RETURN l.method AS m,"
                    + " l.status AS s, l.score AS score, l.evidence AS e")
            .get(0);
    assertThat(link.get("m").asString()).isEqualTo("PROBABILISTIC");
    assertThat(link.get("s").asString()).isEqualTo("AUTO");
    assertThat(link.get("score").asDouble()).isGreaterThanOrEqualTo(0.96);
    assertThat(link.get("e").asList(v -> v.asString()))
        .contains("birthDate:EXACT:+12.6", "sex:EXACT:+1.0")
        .anyMatch(e -> e.startsWith("postcode:EXACT:"));
    assertThat(
            query(
                    "MATCH (q:LinkReview) RETURN q.recordId AS r, q.candidateId AS c, q.status AS s,"
                        + " q.evidence AS e")
                .stream()
                .map(
                    r ->
                        r.get("r").asString()
                            + " "
                            + r.get("c").asString().equals(personOf("GP_HEALTH:H3"))
                            + " "
                            + r.get("s").asString())
                .toList())
        .containsExactly("SCHOOL_MIS:S3 true PENDING");
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(6);

    ImportJob again =
        runImport(ImportFormat.CSV, "SCHOOL_MIS", reference, ImportMode.DELTA, school);
    assertThat(again.counts().created()).isZero();
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(6);
    assertThat(count("MATCH (q:LinkReview) RETURN count(q)")).isEqualTo(1);
    assertThat(count("MATCH ()-[l:REFERS_TO]->() RETURN count(l)")).isEqualTo(9);
  }

  private static String personOf(String record) {
    return query("MATCH (:PersonRecord {id: $id})-[:REFERS_TO]->(c) RETURN c.id AS c", "id", record)
        .get(0)
        .get("c")
        .asString();
  }

  private static Path file(String name, String... lines) throws Exception {
    Path dir = Path.of("target", "test-imports", "linkage-" + name);
    Files.createDirectories(dir);
    Path people = dir.resolve("people.csv");
    Files.write(people, List.of(lines));
    return people;
  }
}
