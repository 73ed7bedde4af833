package org.childjourneys.child;

import java.time.LocalDate;
import java.util.List;
import org.neo4j.driver.Value;

/** One child's record as the API shows it: read model built by {@code child/child-by-id}. */
record ChildView(
    String id,
    String givenName,
    String familyName,
    LocalDate birthDate,
    String sex,
    String ethnicity,
    List<PersonRecordView> records,
    List<FamilyMemberView> family,
    List<InvolvementView> involvements,
    List<EventView> events) {

  static ChildView from(
      Value child, Value records, Value family, Value involvements, Value events) {
    return new ChildView(
        child.get("id").asString(),
        child.get("givenName").asString(null),
        child.get("familyName").asString(null),
        date(child.get("birthDate")),
        child.get("sex").asString(null),
        child.get("ethnicity").asString(null),
        records.asList(PersonRecordView::from),
        family.asList(FamilyMemberView::from),
        involvements.asList(InvolvementView::from),
        events.asList(EventView::from));
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

  record FamilyMemberView(
      String id,
      String givenName,
      String familyName,
      LocalDate birthDate,
      String relationship,
      Boolean parentalResponsibility) {
    static FamilyMemberView from(Value v) {
      return new FamilyMemberView(
          v.get("id").asString(),
          v.get("givenName").asString(null),
          v.get("familyName").asString(null),
          date(v.get("birthDate")),
          v.get("relationship").asString("UNKNOWN"),
          v.get("parentalResponsibility").isNull()
              ? null
              : v.get("parentalResponsibility").asBoolean());
    }
  }

  record InvolvementView(
      String id,
      String kind,
      String service,
      LocalDate start,
      LocalDate end,
      String closureReason,
      String sourceSystem,
      TeamView team,
      List<AllocationView> professionals) {
    static InvolvementView from(Value v) {
      Value t = v.get("team");
      return new InvolvementView(
          v.get("id").asString(),
          v.get("kind").asString(),
          v.get("service").asString(),
          date(v.get("start")),
          date(v.get("end")),
          v.get("closureReason").asString(null),
          v.get("sourceSystem").asString(null),
          t.isNull()
              ? null
              : new TeamView(
                  t.get("id").asString(),
                  t.get("name").asString(),
                  t.get("email").asString(null),
                  t.get("phone").asString(null),
                  t.get("organisation").asString(null)),
          v.get("professionals").asList(AllocationView::from));
    }
  }

  record TeamView(String id, String name, String email, String phone, String organisation) {}

  record AllocationView(
      String name,
      String role,
      String email,
      String phone,
      Boolean lead,
      LocalDate from,
      LocalDate to) {
    static AllocationView from(Value v) {
      return new AllocationView(
          v.get("name").asString(),
          v.get("role").asString(null),
          v.get("email").asString(null),
          v.get("phone").asString(null),
          v.get("lead").isNull() ? null : v.get("lead").asBoolean(),
          date(v.get("from")),
          date(v.get("to")));
    }
  }

  record EventView(
      String id,
      String kind,
      String service,
      LocalDate date,
      boolean traumatic,
      boolean strength,
      List<String> needCodes,
      String sourceSystem) {
    static EventView from(Value v) {
      return new EventView(
          v.get("id").asString(),
          v.get("kind").asString(),
          v.get("service").asString(),
          ChildView.date(v.get("date")),
          v.get("traumatic").asBoolean(false),
          v.get("strength").asBoolean(false),
          v.get("needCodes").asList(Value::asString),
          v.get("sourceSystem").asString(null));
    }
  }
}
