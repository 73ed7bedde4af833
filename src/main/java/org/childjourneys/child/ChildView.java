package org.childjourneys.child;

import java.time.LocalDate;
import java.util.List;
import org.childjourneys.security.Grant;
import org.childjourneys.security.GrantedChild;
import org.neo4j.driver.Value;

/**
 * A child the request may read, with the grant that allowed it: the other parts of the record
 * (chronology, in touch, family, records) are resolved from it.
 */
record ChildView(
    String id,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String sex,
    String ethnicity,
    Grant grant)
    implements GrantedChild {

  static ChildView from(Value child, Grant grant) {
    return new ChildView(
        child.get("id").asString(),
        child.get("givenName").asString(null),
        child.get("familyName").asString(null),
        date(child.get("birthDate")),
        child.get("sex").asString(null),
        child.get("ethnicity").asString(null),
        grant);
  }

  static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }

  record PersonRecordView(
      String id,
      String system,
      String localId,
      List<IdentifierView> identifiers,
      String linkMethod,
      String linkStatus,
      Double linkScore) {
    static PersonRecordView from(Value v) {
      return new PersonRecordView(
          v.get("id").asString(),
          v.get("system").asString(),
          v.get("localId").asString(),
          v.get("identifiers")
              .asList(
                  i -> new IdentifierView(i.get("scheme").asString(), i.get("value").asString())),
          v.get("linkMethod").asString(null),
          v.get("linkStatus").asString(null),
          v.get("linkScore").isNull() ? null : v.get("linkScore").asDouble());
    }
  }

  record IdentifierView(String scheme, String value) {}
}
