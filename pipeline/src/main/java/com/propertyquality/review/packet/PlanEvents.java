package com.propertyquality.review.packet;

import static com.propertyquality.review.packet.PacketText.text;

import java.util.HashMap;
import java.util.Map;

import com.propertyquality.review.reports.document.Lang;

/**
 * The plan entries a mart row points at ({@code events#2}, {@code audit_findings#1}), shown as a reader knows them:
 * the entry's date and description, not its position in the YAML.
 */
final class PlanEvents {

    /** Long descriptions are cut here: the reference column is narrow and the evidence column says the rest. */
    private static final int DESCRIPTION_CHARS = 12;

    private final Map<String, MartRow> entries;

    private PlanEvents(Map<String, MartRow> entries) {
        this.entries = entries;
    }

    static PlanEvents of(PacketSource source, int year) {
        Map<String, MartRow> entries = new HashMap<>();
        for (MartRow row : PlanEntries.events(source, year)) {
            entries.put("events#" + row.count("seq"), row);
        }
        for (MartRow row : PlanEntries.auditFindings(source, year)) {
            entries.put("audit_findings#" + row.count("seq"), row);
        }
        return new PlanEvents(entries);
    }

    /** A plan entry's date and description; any other reference (a register record id) as it is. */
    String reference(String reference, Lang lang) {
        MartRow entry = reference == null ? null : entries.get(reference);
        if (entry == null) {
            return reference;
        }
        String description = entry.text("description");
        if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_CHARS) {
            description = description.substring(0, description.offsetByCodePoints(0, DESCRIPTION_CHARS)) + "…";
        }
        return text(lang, "planEvents.plan_entry") + entry.date("date") + (description == null ? "" : " " + description);
    }
}
