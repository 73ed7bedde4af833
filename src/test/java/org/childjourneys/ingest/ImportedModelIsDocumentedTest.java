package org.childjourneys.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** docs/model.md describes every label, relationship type and property the importers write. */
class ImportedModelIsDocumentedTest extends ImportTestBase {

  @Test
  void everyLabelRelationshipTypeAndPropertyTheImportersWriteIsDocumented() throws Exception {
    LocalDate reference = LocalDate.of(2026, 3, 31);
    runImport(
        ImportFormat.SSDA903,
        "SSDA903",
        reference,
        ImportMode.SNAPSHOT,
        EXAMPLES.resolve("ssda903"));
    runImport(
        ImportFormat.CIN,
        "CIN_CENSUS",
        null,
        ImportMode.SNAPSHOT,
        EXAMPLES.resolve("cin/cin-census.xml"));
    runImport(
        ImportFormat.ANNEXA, "ANNEX_A", reference, ImportMode.SNAPSHOT, EXAMPLES.resolve("annexa"));
    runImport(ImportFormat.CSV, "COUNCIL_EH", reference, ImportMode.DELTA, EXAMPLES.resolve("csv"));
    runImport(
        ImportFormat.CSV, "COUNCIL_EH", reference, ImportMode.DELTA, MESSY.resolve("csv-messy"));
    runImport(
        ImportFormat.DIRECTORY,
        "COUNCIL_EH",
        reference,
        ImportMode.DELTA,
        EXAMPLES.resolve("directory"));
    runImportForLa(
        ImportFormat.GIAS, "GIAS", null, reference, ImportMode.SNAPSHOT, EXAMPLES.resolve("gias"));
    runImport(ImportFormat.ODS, "ODS", reference, ImportMode.SNAPSHOT, EXAMPLES.resolve("ods"));
    runImport(
        ImportFormat.INDICATORS,
        "DFE_STATISTICS",
        null,
        ImportMode.DELTA,
        EXAMPLES.resolve("indicators"));
    runImport(
        ImportFormat.NEIGHBOURS,
        "DFE_STATISTICS",
        null,
        ImportMode.DELTA,
        EXAMPLES.resolve("neighbours"));

    String model = Files.readString(Path.of("docs", "model.md"));
    java.util.List<String> undocumented = new java.util.ArrayList<>();
    for (String names :
        java.util.List.of(
            "CALL db.labels() YIELD label RETURN label",
            "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
            "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey")) {
      query(names).stream()
          .map(r -> r.get(0).asString())
          .filter(name -> !model.contains("`" + name + "`"))
          .forEach(undocumented::add);
    }
    assertThat(undocumented).isEmpty();
  }
}
