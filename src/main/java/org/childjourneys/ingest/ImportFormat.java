package org.childjourneys.ingest;

import java.util.Arrays;

/** The formats the service imports, named as on the command line ({@code import.sh <format>}). */
public enum ImportFormat {
  SSDA903("ssda903", "SSDA903", "A folder (or several files) of SSDA903 CSVs", true),
  CIN("cin", "CIN_CENSUS", "A CIN census XML file", true),
  ANNEXA("annexa", "ANNEX_A", "An Ofsted Annex A workbook (.xlsx) or its lists as CSVs", true),
  DIRECTORY("directory", null, "A staff and team directory CSV", false),
  GIAS("gias", "GIAS", "A DfE GIAS establishment extract (CSV)", true),
  ODS("ods", "ODS", "NHS ODS organisation extracts (GP practices, trusts)", true),
  CSV("csv", null, "Generic multi-agency CSV files", false),
  INDICATORS(
      "indicators", "DFE_STATISTICS", "Published LA-level indicators (DfE statistics, CSV)", false),
  NEIGHBOURS("neighbours", "DFE_STATISTICS", "Statistical neighbour lists (CSV)", false),
  POPULATION("population", "ONS", "ONS mid-year population estimates by area and age (CSV)", false),
  IMD("imd", "MHCLG", "English indices of deprivation, IMD deciles by LSOA (CSV)", false);

  private final String cliName;
  private final String defaultSystem;
  private final String description;
  private final boolean snapshotByDefault;

  ImportFormat(String cliName, String defaultSystem, String description, boolean snapshot) {
    this.cliName = cliName;
    this.defaultSystem = defaultSystem;
    this.description = description;
    this.snapshotByDefault = snapshot;
  }

  public String cliName() {
    return cliName;
  }

  /** The source system a file of this format comes from, unless the caller names another. */
  public String defaultSystem() {
    return defaultSystem;
  }

  public String description() {
    return description;
  }

  public boolean snapshotByDefault() {
    return snapshotByDefault;
  }

  /**
   * Whether the files hold data about people (children, families, staff, services), so the job
   * claims the database for real data. Published LA-level statistics, neighbour lists, population
   * estimates and deprivation indices are about no one: they load into a synthetic (demo) database
   * too.
   */
  public boolean claimsDataset() {
    return this != INDICATORS && this != NEIGHBOURS && this != POPULATION && this != IMD;
  }

  /**
   * Whether the files hold children's records (SSDA903, CIN census, Annex A, generic multi-agency
   * CSV), so the source system belongs to one local authority: the job records the owner on the
   * system's {@code DataSource} before it writes a record (docs/security.md, "Several authorities
   * in one graph"). Directories and reference data (GIAS, ODS, statistics) are shared.
   */
  public boolean holdsChildRecords() {
    return this == SSDA903 || this == CIN || this == ANNEXA || this == CSV;
  }

  /** Parses a format name as typed by a user; the message lists the formats there are. */
  public static ImportFormat parse(String name) {
    for (ImportFormat f : values()) {
      if (f.cliName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "Unknown import format '"
            + name
            + "'; expected one of "
            + Arrays.stream(values()).map(f -> f.cliName).toList());
  }
}
