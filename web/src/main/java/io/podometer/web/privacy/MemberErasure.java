package io.podometer.web.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podometer.engine.event.EventCodec;
import io.podometer.engine.event.FactKey;
import io.podometer.engine.event.FactKind;
import io.podometer.engine.org.Member;
import io.podometer.engine.org.OrgModel;
import io.podometer.engine.org.OrgModelWriter;
import io.podometer.web.figures.FactsChanged;
import io.podometer.web.org.OrgService;
import io.podometer.web.security.AuditLog;
import io.podometer.web.security.Secrets;
import io.podometer.web.security.SessionEntity;
import io.podometer.web.security.UserAccountEntity;
import io.podometer.web.store.EventHashes;
import io.podometer.web.store.EventRefs;
import io.podometer.web.store.FactEntity;
import io.podometer.web.store.FactKeyIndex;
import io.podometer.web.store.OrgVersionEntity;
import io.podometer.web.store.RawEventEntity;
import io.podometer.web.store.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Erases a member (SPEC §8): their personal facts (AI usage days, meeting weeks, pulse answers) and
 * the raw events behind them are deleted; in every other fact and raw event (pull requests,
 * commits, reviews…), and in the payloads kept as sources delivered them, their identities and name
 * are replaced by a pseudonym, so team figures keep their pull requests but no longer know whose
 * they were; the member leaves the organization model (a new version), and every figure is
 * recomputed from what is left.
 */
@ApplicationScoped
public class MemberErasure {

  @Inject OrgService orgService;
  @Inject ObjectMapper json;
  @Inject AuditLog audit;
  @Inject jakarta.enterprise.event.Event<FactsChanged> factsChanged;
  @Inject FactKeyIndex factIndex;
  @Inject io.podometer.web.source.RawPayloadStore sourcePayloads;

  private final EventCodec codec = new EventCodec();

  /** What an erasure removed and rewrote. */
  public record Report(
      String member,
      String pseudonym,
      int personalFactsDeleted,
      int factsPseudonymized,
      int rawEventsDeleted,
      int rawEventsPseudonymized,
      int sourcePayloadsPseudonymized,
      int earlierModelVersionsScrubbed,
      int userAccountsDeleted,
      long orgVersion) {}

  @Transactional
  public Report erase(String memberId, String actor) {
    OrgModel org = orgService.current().model();
    Member member =
        org.member(memberId)
            .orElseThrow(
                () -> new NotFoundException("no member '" + memberId + "' in the model in force"));
    List<String> references = references(org, memberId);
    if (!references.isEmpty()) {
      throw new ErasureRefused(
          "member "
              + memberId
              + " is still "
              + String.join(", ", references)
              + "; change the organization model first");
    }
    Set<String> names = identifyingStrings(member);
    Set<String> inText = new LinkedHashSet<>(names);
    if (!member.name().strip().contains(" ")) {
      inText.remove(member.name().strip().toLowerCase(Locale.ROOT));
    }
    Pseudonyms pseudonyms =
        // random, so the pseudonym cannot be traced back by hashing candidate member ids
        new Pseudonyms(
            json,
            names,
            inText,
            io.podometer.engine.identity.Sightings.ERASED_PREFIX
                + Secrets.random(9).toLowerCase(Locale.ROOT));

    Rewritten rewritten = rewriteFacts(names, pseudonyms);
    // the figures read these facts again once this commits (deleted ones leave them)
    factsChanged.fire(new FactsChanged(rewritten.changedFacts()));
    int personalDeleted = rewritten.personalDeleted();
    int factsRewritten = rewritten.factsRewritten();
    int rawDeleted = rewritten.rawDeleted();
    int rawRewritten = rewritten.rawRewritten();
    // payloads kept as sources delivered them name the person too (a remap would bring them back)
    int payloadsRewritten = sourcePayloads.rewriteMentioning(names, pseudonyms::inJson);
    int versionsScrubbed = scrubOlderVersions(pseudonyms, memberId, member.name());
    int usersDeleted = deleteAccounts(member);
    List<Member> members = new ArrayList<>(org.members());
    members.removeIf(m -> m.id().equals(memberId));
    OrgModel without =
        new OrgModel(
            org.org(),
            org.pillars(),
            org.pods(),
            members,
            org.services(),
            org.champions(),
            org.pilots(),
            org.bets());
    long version =
        orgService
            .store(
                new OrgModelWriter().toYaml(without),
                "erasure",
                "erasure of " + pseudonyms.pseudonym())
            .version();
    Report report =
        new Report(
            memberId,
            pseudonyms.pseudonym(),
            personalDeleted,
            factsRewritten,
            rawDeleted,
            rawRewritten,
            payloadsRewritten,
            versionsScrubbed,
            usersDeleted,
            version);
    // the log keeps that an erasure happened, under the pseudonym: not whom it was about
    audit.record(
        actor,
        "member.erase",
        pseudonyms.pseudonym(),
        String.format(
            Locale.ROOT,
            "%d personal facts and %d raw events deleted; %d facts, %d raw events and %d source"
                + " payloads pseudonymized; %d earlier model versions scrubbed; %d user accounts"
                + " deleted; organization model version %d",
            personalDeleted,
            rawDeleted,
            factsRewritten,
            rawRewritten,
            payloadsRewritten,
            versionsScrubbed,
            usersDeleted,
            version));
    return report;
  }

  /** What the erasure did to the facts and raw events. */
  private record Rewritten(
      Set<FactKey> changedFacts,
      int personalDeleted,
      int factsRewritten,
      int rawDeleted,
      int rawRewritten) {}

  /**
   * Every fact that mentions the member, in its fields or in one of its payloads: a personal fact
   * is deleted with its payloads; any other has its fields, key and payloads pseudonymized, and its
   * event refs recomputed from the rewritten payloads (two that became identical are one).
   */
  private Rewritten rewriteFacts(Set<String> names, Pseudonyms pseudonyms) {
    Map<Long, FactEntity> affected = new LinkedHashMap<>();
    for (FactEntity fact : FactEntity.<FactEntity>list(likeAny("fields", names), params(names))) {
      affected.put(fact.id, fact);
    }
    Set<FactKey> mentionedInPayloads = new LinkedHashSet<>();
    for (RawEventEntity raw :
        RawEventEntity.<RawEventEntity>list(likeAny("payload", names), params(names))) {
      mentionedInPayloads.add(FactKey.of(codec.readStored(raw.payload)));
    }
    factIndex
        .candidates(mentionedInPayloads)
        .forEach(
            (key, id) -> {
              FactEntity fact = FactEntity.findById(id);
              if (fact != null
                  && fact.kind.equals(key.kind().name())
                  && fact.factKey.equals(key.key())) {
                affected.putIfAbsent(fact.id, fact);
              }
            });
    Set<FactKey> changed = new LinkedHashSet<>();
    int personal = 0;
    int factsRewritten = 0;
    int rawDeleted = 0;
    int rawRewritten = 0;
    for (FactEntity fact : affected.values()) {
      FactKey before = new FactKey(FactKind.valueOf(fact.kind), fact.factKey);
      List<RawEventEntity> payloads = payloadsOf(fact);
      if (PersonalFacts.STORED.contains(fact.kind)) {
        payloads.forEach(RawEventEntity::delete);
        rawDeleted += payloads.size();
        fact.delete();
        changed.add(before);
        personal++;
        continue;
      }
      EventRefs refs = EventRefs.empty();
      Set<String> kept = new java.util.HashSet<>();
      for (RawEventEntity raw : payloads) {
        String payload = pseudonyms.inJson(raw.payload);
        if (!kept.add(payload)) {
          // two payloads that differed only in the person are now one
          raw.delete();
          rawDeleted++;
          continue;
        }
        if (!payload.equals(raw.payload)) {
          raw.payload = payload;
          rawRewritten++;
        }
        refs.add(
            raw.seq, EventHashes.id(codec.readStored(payload).id()), EventHashes.payload(payload));
      }
      String fields = pseudonyms.inJson(fact.fields);
      String key = pseudonyms.inText(fact.factKey);
      fact.fields = fields;
      fact.factKey = key;
      fact.events = refs.toBytes();
      changed.add(before);
      changed.add(new FactKey(before.kind(), key));
      factsRewritten++;
    }
    return new Rewritten(changed, personal, factsRewritten, rawDeleted, rawRewritten);
  }

  /** The payloads behind a fact, by the sequence numbers of its refs. */
  private static List<RawEventEntity> payloadsOf(FactEntity fact) {
    long[] seqs = EventRefs.of(fact.events).seqs();
    if (seqs.length == 0) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (long seq : seqs) {
      ids.add(seq);
    }
    return RawEventEntity.list("seq in ?1 order by seq", ids);
  }

  /**
   * Earlier versions of the organization model keep history, not the person: their identities, name
   * and id are replaced by the pseudonym there too.
   */
  private static int scrubOlderVersions(Pseudonyms pseudonyms, String memberId, String name) {
    String replacement = java.util.regex.Matcher.quoteReplacement(pseudonyms.pseudonym());
    java.util.regex.Pattern id =
        java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9._-])" + java.util.regex.Pattern.quote(memberId) + "(?![A-Za-z0-9._-])");
    // the name as the value of a name: key (a one-word name is not replaced in free text)
    java.util.regex.Pattern nameValue =
        java.util.regex.Pattern.compile(
            "(name:\\s*[\"']?)"
                + java.util.regex.Pattern.quote(name.strip())
                + "([\"']?\\s*[,}\\n])");
    int scrubbed = 0;
    for (OrgVersionEntity version : OrgVersionEntity.<OrgVersionEntity>listAll()) {
      String content = pseudonyms.inText(version.content);
      content = nameValue.matcher(content).replaceAll("$1" + replacement + "$2");
      content = id.matcher(content).replaceAll(replacement);
      if (!content.equals(version.content)) {
        version.content = content;
        version.contentHash = Sha256.hex(content);
        scrubbed++;
      }
    }
    return scrubbed;
  }

  /** Local user accounts signed in as this member (by e-mail) go with them, sessions included. */
  private static int deleteAccounts(Member member) {
    int deleted = 0;
    for (String email : member.identities().emails()) {
      for (UserAccountEntity user :
          UserAccountEntity.<UserAccountEntity>list(
              "lower(email) = ?1", email.toLowerCase(Locale.ROOT))) {
        SessionEntity.delete("username", user.username);
        user.delete();
        deleted++;
      }
    }
    return deleted;
  }

  /** Where the model still needs the member: roles that cannot simply be dropped. */
  static List<String> references(OrgModel org, String memberId) {
    List<String> references = new ArrayList<>();
    org.champions().stream()
        .filter(c -> c.member().equals(memberId))
        .forEach(c -> references.add("a champion of " + String.join(", ", c.pods())));
    org.pilots().stream()
        .filter(p -> p.champion().equals(memberId))
        .forEach(p -> references.add("the champion of the pilot of pod " + p.pod()));
    org.bets().stream()
        // one of several owners too: the bet still names them
        .filter(b -> b.stos().contains(memberId))
        .forEach(b -> references.add("an STO of bet " + b.id()));
    if (org.org().securityReviewers().contains(memberId)) {
      references.add("a security reviewer");
    }
    return references;
  }

  /** The member's identities (logins, e-mails, telemetry ids) and name, lower case. */
  static Set<String> identifyingStrings(Member member) {
    Set<String> names = new LinkedHashSet<>();
    member.identities().github().forEach(names::add);
    member.identities().emails().forEach(names::add);
    member.identities().telemetry().forEach(names::add);
    names.add(member.name());
    Set<String> lower = new LinkedHashSet<>();
    for (String name : names) {
      if (name != null && !name.isBlank()) {
        lower.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    return lower;
  }

  private static String likeAny(String column, Set<String> names) {
    List<String> clauses = new ArrayList<>();
    for (int i = 1; i <= names.size(); i++) {
      clauses.add("lower(" + column + ") like ?" + i);
    }
    return String.join(" or ", clauses);
  }

  /** A superset of the rows that mention a name; {@link Pseudonyms} decides exactly. */
  private static Object[] params(Set<String> names) {
    return names.stream().map(n -> "%" + n + "%").toArray();
  }

  /** The model still names the member somewhere that needs a person (409). */
  public static class ErasureRefused extends RuntimeException {
    public ErasureRefused(String message) {
      super(message);
    }
  }
}
