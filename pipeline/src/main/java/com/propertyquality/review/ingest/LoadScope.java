package com.propertyquality.review.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.propertyquality.review.contract.Template;

/**
 * What the rules of one load need beyond a single row: the known offices, and the keys already stored per
 * template (the first occurrence of a key in a load is stored, files in name order, then rows in order). The
 * keys of a file count for later files only once that file has loaded: a file that fails half-way stores
 * nothing, so its keys must not turn a later file's rows into duplicates.
 */
public final class LoadScope {

    private final Set<String> knownOffices = ConcurrentHashMap.newKeySet();
    private final Set<String> knownHouseholds = ConcurrentHashMap.newKeySet();
    private final Map<String, KeySet> keysByTemplate = new HashMap<>();
    private final Map<String, KeySet> pendingByTemplate = new HashMap<>();

    public void addKnownOffices(Iterable<String> offices) {
        offices.forEach(knownOffices::add);
    }

    public boolean isKnownOffice(String officeId) {
        return knownOffices.contains(officeId);
    }

    public int knownOfficeCount() {
        return knownOffices.size();
    }

    public void addKnownHouseholds(Iterable<String> households) {
        households.forEach(knownHouseholds::add);
    }

    public boolean isKnownHousehold(String householdId) {
        return knownHouseholds.contains(householdId);
    }

    /** False before any customer records are loaded: references cannot be checked then, only noted. */
    public boolean hasHouseholdRegister() {
        return !knownHouseholds.isEmpty();
    }

    /** Records a key of the file being loaded; false when the load has stored it before (a duplicate). */
    public synchronized boolean firstOccurrence(Template template, String key) {
        KeySet stored = keysByTemplate.get(template.name());
        if (stored != null && stored.contains(key)) {
            return false;
        }
        return pendingByTemplate.computeIfAbsent(template.name(), name -> new KeySet()).add(key);
    }

    /** The file being loaded ended: its keys count from now on if it loaded, and are forgotten if not. */
    public synchronized void fileEnded(Template template, boolean loaded) {
        KeySet pending = pendingByTemplate.remove(template.name());
        if (loaded && pending != null) {
            KeySet stored = keysByTemplate.putIfAbsent(template.name(), pending);
            if (stored != null) {
                stored.addAll(pending);
            }
        }
    }
}
