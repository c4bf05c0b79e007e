package com.propertyquality.review.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.propertyquality.review.contract.Template;

/**
 * What the rules of one load need beyond a single row: the known offices, and the keys already seen per
 * template (the first occurrence of a key in a load is stored, files in name order, then rows in order).
 */
public final class LoadScope {

    private final Set<String> knownOffices = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> keysByTemplate = new HashMap<>();

    public void addKnownOffices(Iterable<String> offices) {
        offices.forEach(knownOffices::add);
    }

    public boolean isKnownOffice(String officeId) {
        return knownOffices.contains(officeId);
    }

    public int knownOfficeCount() {
        return knownOffices.size();
    }

    /** Records a key; false when the load has seen it before (a duplicate). */
    public synchronized boolean firstOccurrence(Template template, String key) {
        return keysByTemplate.computeIfAbsent(template.name(), name -> new HashSet<>()).add(key);
    }
}
