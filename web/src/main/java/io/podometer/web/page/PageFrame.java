package io.podometer.web.page;

import io.podometer.web.security.Roles;
import io.podometer.web.viewer.Viewer;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** What every page's frame (base.html) shows of who is looking: their name and their links. */
public final class PageFrame {

  private PageFrame() {}

  public static TemplateInstance of(Template template, Viewer who) {
    return template
        .data("user", who.name())
        .data("me", who.memberId().isPresent())
        .data("admin", who.roles().contains(Roles.ADMIN));
  }
}
