package org.childjourneys.frontline;

/** The hand-built family for tests outside this package (the examples test). */
public final class FrontlineFixtureAccess {

  private FrontlineFixtureAccess() {}

  public static void create() {
    FrontlineFixture.create();
  }

  public static void remove() {
    FrontlineFixture.remove();
  }
}
