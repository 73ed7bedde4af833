package org.childjourneys.neo4j;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Read-your-writes on a cluster. Every session the service opens (Spring Data Neo4j's, the named
 * read queries', the imports') shares one bookmark manager, so a read that follows a write in this
 * instance waits until the member serving it has that write. Across instances behind a load
 * balancer, each GraphQL response carries this instance's bookmarks in the {@value #HEADER} header;
 * a client that sends them back gets the same guarantee from whichever instance serves it.
 */
public final class ServiceBookmarks {

  public static final String HEADER = "Neo4j-Bookmark";

  // The GraphQL controllers run on the request's thread (as the security context does).
  private static final ThreadLocal<Set<Bookmark>> REQUEST = new ThreadLocal<>();

  private final BookmarkManager manager =
      BookmarkManagers.defaultManager(
          BookmarkManagerConfig.builder()
              .withBookmarksSupplier(
                  () -> {
                    Set<Bookmark> fromRequest = REQUEST.get();
                    return fromRequest == null ? Set.of() : fromRequest;
                  })
              .build());

  /** The bookmarks a client sent with this request (the value of the header), until cleared. */
  static void useForThisRequest(Set<Bookmark> bookmarks) {
    REQUEST.set(bookmarks);
  }

  static void clearRequest() {
    REQUEST.remove();
  }

  /** This instance's latest bookmarks (and the request's), for a response header. */
  public String header() {
    return encode(manager.getBookmarks());
  }

  static String encode(Set<Bookmark> bookmarks) {
    return bookmarks.stream()
        .map(
            b ->
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(b.value().getBytes(StandardCharsets.UTF_8)))
        .sorted()
        .collect(Collectors.joining(","));
  }

  /**
   * The bookmarks in a header value this service gave.
   *
   * @throws IllegalArgumentException when it is not one
   */
  static Set<Bookmark> decode(String header) {
    Set<Bookmark> bookmarks = new LinkedHashSet<>();
    for (String part : header.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String value =
          new String(Base64.getUrlDecoder().decode(part.strip()), StandardCharsets.UTF_8);
      if (value.isBlank() || value.length() > 512) {
        throw new IllegalArgumentException("not a bookmark this service gave");
      }
      bookmarks.add(Bookmark.from(value));
    }
    if (bookmarks.size() > 64) {
      throw new IllegalArgumentException("more than 64 bookmarks");
    }
    return bookmarks;
  }

  /** The driver, with every session it opens sharing this service's bookmark manager. */
  Driver wrap(Driver driver) {
    return (Driver)
        Proxy.newProxyInstance(
            Driver.class.getClassLoader(),
            new Class<?>[] {Driver.class},
            (proxy, method, args) -> {
              try {
                if (method.getName().equals("session")) {
                  return session(driver, args == null ? new Object[0] : args);
                }
                return method.invoke(driver, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private Object session(Driver driver, Object[] args) {
    Class<? extends org.neo4j.driver.BaseSession> type = Session.class;
    SessionConfig config = SessionConfig.defaultConfig();
    AuthToken token = null;
    for (Object a : args) {
      if (a instanceof Class<?> c) {
        type = c.asSubclass(org.neo4j.driver.BaseSession.class);
      } else if (a instanceof SessionConfig c) {
        config = c;
      } else if (a instanceof AuthToken t) {
        token = t;
      }
    }
    return driver.session(type, withManager(config), token);
  }

  private SessionConfig withManager(SessionConfig config) {
    if (config.bookmarkManager().isPresent()) {
      return config;
    }
    SessionConfig.Builder b =
        SessionConfig.builder()
            .withBookmarks(config.bookmarks())
            .withDefaultAccessMode(config.defaultAccessMode())
            .withAutoCommitRetriesMode(config.autoCommitRetriesMode())
            .withBookmarkManager(manager);
    config.database().ifPresent(b::withDatabase);
    config.fetchSize().ifPresent(b::withFetchSize);
    config.impersonatedUser().ifPresent(b::withImpersonatedUser);
    config.minimumNotificationSeverity().ifPresent(b::withMinimumNotificationSeverity);
    if (!config.disabledNotificationClassifications().isEmpty()) {
      b.withDisabledNotificationClassifications(config.disabledNotificationClassifications());
    }
    return b.build();
  }
}
