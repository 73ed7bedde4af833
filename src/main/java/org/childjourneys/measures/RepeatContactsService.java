package org.childjourneys.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.childjourneys.InvalidInputException;
import org.childjourneys.disclosure.SmallNumbers;
import org.childjourneys.graphql.PageSize;
import org.childjourneys.neo4j.CypherFile;
import org.childjourneys.security.AccessPolicy;
import org.childjourneys.security.Actor;
import org.childjourneys.security.AggregateScope;
import org.childjourneys.security.AuditBatch;
import org.childjourneys.security.AuditTrail;
import org.childjourneys.security.Purpose;
import org.childjourneys.security.RecordAccess;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Children who keep coming back to the front door: how many had at least N contacts in a window (an
 * aggregate, small numbers withheld), and, for readers whose role and purpose open records, who
 * they are, each child authorised and audited like any read of a record.
 */
@Service
public class RepeatContactsService {

  public record RepeatContacts(
      LocalDate from, LocalDate to, int atLeast, Integer children, List<RepeatChild> list) {}

  public record RepeatChild(
      String childId,
      String givenName,
      String familyName,
      LocalDate birthDate,
      int contacts,
      LocalDate first,
      LocalDate last,
      List<String> decisions) {}

  private final Neo4jClient neo4j;
  private final AggregateScope scope;
  private final AccessPolicy policy;
  private final RecordAccess access;

  RepeatContactsService(
      Neo4jClient neo4j, AccessPolicy policy, RecordAccess access, AggregateScope scope) {
    this.scope = scope;
    this.neo4j = neo4j;
    this.policy = policy;
    this.access = access;
  }

  @Transactional(readOnly = true)
  public RepeatContacts repeatContacts(
      Actor actor,
      Purpose purpose,
      LocalDate to,
      int months,
      int atLeast,
      int first,
      AuditBatch audit) {
    if (months < 1 || months > 36) {
      throw new InvalidInputException("months", "1 to 36, was " + months);
    }
    if (atLeast < 2 || atLeast > 100) {
      throw new InvalidInputException("atLeast", "2 to 100, was " + atLeast);
    }
    PageSize.check("first", first);
    LocalDate from = to.minusMonths(months).plusDays(1);
    List<Map<String, Object>> rows =
        List.copyOf(
            neo4j
                .query(CypherFile.load("queries/front-door/repeat-contacts"))
                .bindAll(scope.with(Map.of("from", from, "to", to, "atLeast", atLeast)))
                .fetch()
                .all());
    List<RepeatChild> list = new ArrayList<>();
    if (purpose != null && policy.mayReadRecord(actor, purpose)) {
      List<Map<String, Object>> allowed = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        if (allowed.size() == first) {
          break;
        }
        String id = (String) row.get("childId");
        boolean granted = access.grant(actor, purpose, id).isPresent();
        audit.add(
            new AuditTrail.Access(
                actor, purpose, "READ", id, "repeat contacts list", granted, granted));
        if (granted) {
          allowed.add(row);
        }
      }
      Map<String, Map<String, Object>> names = new HashMap<>();
      neo4j
          .query(CypherFile.load("queries/front-door/children-named"))
          .bind(allowed.stream().map(r -> r.get("childId")).toList())
          .to("ids")
          .fetch()
          .all()
          .forEach(n -> names.put((String) n.get("id"), n));
      for (Map<String, Object> row : allowed) {
        Map<String, Object> n = names.getOrDefault((String) row.get("childId"), Map.of());
        @SuppressWarnings("unchecked")
        List<String> decisions = (List<String>) row.get("decisions");
        list.add(
            new RepeatChild(
                (String) row.get("childId"),
                (String) n.get("givenName"),
                (String) n.get("familyName"),
                (LocalDate) n.get("birthDate"),
                ((Number) row.get("contacts")).intValue(),
                (LocalDate) row.get("first"),
                (LocalDate) row.get("last"),
                decisions));
      }
    }
    return new RepeatContacts(from, to, atLeast, SmallNumbers.suppress(rows.size()), list);
  }
}
