package io.podometer.connectors.vendorusage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Cursor's admin API daily usage ({@code POST /teams/daily-usage-data}): one row per member and day
 * ({@code date} in epoch milliseconds, {@code email}, {@code isActive}, tabs shown and accepted,
 * lines added and deleted in total and accepted, applies, accepts and rejects) as whole-day {@code
 * agent.usage} events of tool {@code cursor}, id {@code usage:cursor:<email>:<day>}. Counted: tabs
 * shown → suggestions, tabs accepted → acceptances, lines added in total → linesSuggested, accepted
 * lines added → linesAccepted and linesAdded, accepted lines deleted → linesRemoved, accepts /
 * rejects → editAccepts / editRejects.
 */
public final class CursorDailyUsage {

  private CursorDailyUsage() {}

  /**
   * @throws UsageReport.Unreadable naming every row and field that cannot be read
   */
  public static UsageReport read(String json, Instant now) {
    JsonNode page =
        VendorDays.rows(json, "not Cursor's daily usage data (POST /teams/daily-usage-data)");
    VendorDays days = new VendorDays("cursor", now);
    int index = 0;
    for (JsonNode row : page.path("data")) {
      String where = "data[" + index++ + "]";
      String email = VendorDays.text(row, "email");
      JsonNode date = row.path("date");
      if (email == null || !date.canConvertToLong()) {
        days.problems.add(
            where + (email == null ? ": email: missing" : ": date: not epoch milliseconds"));
        continue;
      }
      LocalDate day = Instant.ofEpochMilli(date.asLong()).atZone(ZoneOffset.UTC).toLocalDate();
      ObjectNode data = VendorDays.data("cursor", email, day);
      data.put("active", row.path("isActive").asBoolean(false));
      data.put("suggestions", row.path("totalTabsShown").asLong(0));
      data.put("acceptances", row.path("totalTabsAccepted").asLong(0));
      data.put("linesSuggested", row.path("totalLinesAdded").asLong(0));
      data.put("linesAccepted", row.path("acceptedLinesAdded").asLong(0));
      data.put("linesAdded", row.path("acceptedLinesAdded").asLong(0));
      data.put("linesRemoved", row.path("acceptedLinesDeleted").asLong(0));
      data.put("editAccepts", row.path("totalAccepts").asLong(0));
      data.put("editRejects", row.path("totalRejects").asLong(0));
      days.add(where, data);
    }
    return days.report(null);
  }
}
