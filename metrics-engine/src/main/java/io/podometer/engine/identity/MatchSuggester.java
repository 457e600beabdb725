package io.podometer.engine.identity;

import io.podometer.engine.org.Member;
import io.podometer.engine.org.OrgModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests the members an unmapped identity probably is, strongest rule first:
 *
 * <ol>
 *   <li>{@code githubNoReply}: the identity is GitHub's no-reply address of a member's login, or a
 *       login whose no-reply address is one of a member's e-mails;
 *   <li>{@code sameAuthor}: a commit's author carried this identity beside one of the member's;
 *   <li>{@code sameEmailLocalPart}: the identity is an e-mail whose part before the {@code @} is
 *       that of one of the member's e-mails (any domain: a personal or an old company address);
 *   <li>{@code sameName}: a commit's author name with this identity is the member's name (case and
 *       spacing aside; an agent's author-name suffix such as aider's removed first).
 * </ol>
 *
 * A suggestion is only a suggestion: an admin confirms it. Immutable once built.
 */
public final class MatchSuggester {

  private final Map<String, Member> byId = new HashMap<>();
  private final Map<String, List<Member>> byName = new HashMap<>();
  private final Map<String, List<Member>> byLocalPart = new HashMap<>();
  private final Map<String, List<Member>> byLogin = new HashMap<>();
  private final Map<String, List<Member>> byNoReplyLogin = new HashMap<>();
  private final List<String> nameSuffixes = new ArrayList<>();

  public MatchSuggester(IdentityDirectory identities) {
    OrgModel model = identities.model();
    identities.agents().patterns().stream()
        .map(p -> p.authorNameSuffix())
        .filter(s -> s != null && !s.isBlank())
        .forEach(s -> nameSuffixes.add(s.strip().toLowerCase(Locale.ROOT)));
    for (Member member : model.members()) {
      byId.put(member.id(), member);
      add(byName, normalName(member.name()), member);
      member
          .identities()
          .github()
          .forEach(login -> add(byLogin, IdentityText.lower(login), member));
      for (String email : member.identities().emails()) {
        Optional<String> noReplyLogin = IdentityText.githubLoginOf(email);
        if (noReplyLogin.isPresent()) {
          add(byNoReplyLogin, noReplyLogin.get(), member);
        } else {
          IdentityText.localPartOf(email).ifPresent(local -> add(byLocalPart, local, member));
        }
      }
    }
  }

  /**
   * The members {@code identity} probably is, one suggestion per member, strongest first.
   *
   * @param authorNames commit author names seen with the identity
   * @param sameAuthorMembers members whose identity a commit's author carried beside this one
   */
  public List<Suggestion> suggest(
      String identity, Collection<String> authorNames, Collection<String> sameAuthorMembers) {
    Map<String, Suggestion> found = new LinkedHashMap<>();
    String value = identity.strip();
    IdentityShape shape = IdentityShape.of(value);
    if (shape == IdentityShape.EMAIL) {
      Optional<String> login = IdentityText.githubLoginOf(value);
      login.ifPresent(
          l ->
              byLogin
                  .getOrDefault(l, List.of())
                  .forEach(
                      m ->
                          offer(
                              found,
                              m,
                              "githubNoReply",
                              "GitHub's no-reply address of " + m.id() + "'s login " + l)));
      if (login.isEmpty()) {
        IdentityText.localPartOf(value)
            .ifPresent(
                local ->
                    byLocalPart
                        .getOrDefault(local, List.of())
                        .forEach(
                            m ->
                                offer(
                                    found,
                                    m,
                                    "sameEmailLocalPart",
                                    "'"
                                        + local
                                        + "@' is the start of one of "
                                        + m.id()
                                        + "'s e-mails")));
      }
    } else if (shape == IdentityShape.LOGIN) {
      String login = IdentityText.lower(value);
      byNoReplyLogin
          .getOrDefault(login, List.of())
          .forEach(
              m ->
                  offer(
                      found,
                      m,
                      "githubNoReply",
                      m.id() + " has GitHub's no-reply address of this login"));
    }
    for (String memberId : sameAuthorMembers) {
      Member member = byId.get(memberId);
      if (member != null) {
        offer(
            found,
            member,
            "sameAuthor",
            "a commit's author carried it beside one of " + memberId + "'s identities");
      }
    }
    for (String authorName : authorNames) {
      String name = normalName(withoutAgentSuffix(authorName));
      byName
          .getOrDefault(name, List.of())
          .forEach(
              m ->
                  offer(
                      found,
                      m,
                      "sameName",
                      "commit author name '" + authorName.strip() + "' is " + m.id() + "'s name"));
    }
    List<Suggestion> ordered = new ArrayList<>(found.values());
    ordered.sort(java.util.Comparator.comparingInt(s -> RULES.indexOf(s.rule())));
    return List.copyOf(ordered);
  }

  private static final List<String> RULES =
      List.of("githubNoReply", "sameAuthor", "sameEmailLocalPart", "sameName");

  private static void offer(Map<String, Suggestion> found, Member m, String rule, String because) {
    Suggestion existing = found.get(m.id());
    if (existing == null || RULES.indexOf(rule) < RULES.indexOf(existing.rule())) {
      found.put(m.id(), new Suggestion(m.id(), m.name(), rule, because));
    }
  }

  private String withoutAgentSuffix(String authorName) {
    String lower = authorName.strip().toLowerCase(Locale.ROOT);
    for (String suffix : nameSuffixes) {
      if (lower.endsWith(suffix)) {
        return authorName.strip().substring(0, lower.length() - suffix.length());
      }
    }
    return authorName;
  }

  /** A name compared case- and spacing-insensitively; blank gives a key no member has. */
  private static String normalName(String name) {
    String normal =
        name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return normal.isEmpty() ? "\u0000" : normal;
  }

  private static void add(Map<String, List<Member>> index, String key, Member member) {
    List<Member> members = index.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!members.contains(member)) {
      members.add(member);
    }
  }
}
