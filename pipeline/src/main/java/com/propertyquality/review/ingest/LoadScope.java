package com.propertyquality.review.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.contract.Template;

/**
 * What the rules of one load need beyond a single row: the known offices and households, and the keys already
 * stored per template (the first occurrence of a key in a load is stored, files in name order, then rows in
 * order). The keys of a file count for later files only once that file has loaded: a file that fails half-way
 * stores nothing, so its keys must not turn a later file's rows into duplicates.
 *
 * <p>Memory does not grow with the size of a load. Keys are kept as 128-bit hashes ({@link KeyHash}); per
 * template at most {@code keysInMemory} of them (stored and pending together, 32 bytes each: 32 MB by default)
 * are in memory, the rest in sorted runs on disk ({@link SpillingKeySet}), of which only a Bloom filter and a
 * block index stay in memory: about 1.3 bytes a key, 20 MB at 16 million keys. The household register is kept
 * the same way. The runs go to the spill folder, which {@link #close} removes; {@link #templateLoaded} frees a
 * template's keys as soon as its files are all loaded.
 *
 * <p>Templates load side by side: each template's keys have their own lock, and the household register is
 * read by all of them at once.
 */
public final class LoadScope implements AutoCloseable {

    /** Keys of one template held in memory before they are spilled to disk: 32 MB of table at most. */
    public static final int DEFAULT_KEYS_IN_MEMORY = ReviewProperties.Ingest.DEFAULT_KEYS_IN_MEMORY;

    private final SpillFolder spillFolder;
    private final int keysInMemory;
    private final Set<String> knownOffices = ConcurrentHashMap.newKeySet();
    private final Map<String, TemplateKeys> keysByTemplate = new ConcurrentHashMap<>();
    private final ReadWriteLock householdLock = new ReentrantReadWriteLock();
    private final SpillingKeySet knownHouseholds;
    private final KeyHash householdHash = new KeyHash();
    private volatile boolean hasHouseholds;

    /** A scope whose keys spill, past the default number in memory, to a temporary folder. */
    public LoadScope() {
        this(null, DEFAULT_KEYS_IN_MEMORY);
    }

    /**
     * @param spillFolder  where keys go past {@code keysInMemory} (created when needed, removed on close), or
     *                     null for a temporary folder
     * @param keysInMemory keys of a template (and of the household register) held in memory
     */
    public LoadScope(Path spillFolder, int keysInMemory) {
        if (keysInMemory < 1) {
            throw new IllegalArgumentException("keysInMemory must be positive: " + keysInMemory);
        }
        this.spillFolder = new SpillFolder(spillFolder);
        this.keysInMemory = keysInMemory;
        this.knownHouseholds = new SpillingKeySet(this.spillFolder, keysInMemory);
    }

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
        householdLock.writeLock().lock();
        try {
            for (String household : households) {
                householdHash.of(household);
                knownHouseholds.add(householdHash.high, householdHash.low);
            }
            hasHouseholds = knownHouseholds.size() > 0;
        } finally {
            householdLock.writeLock().unlock();
        }
    }

    public boolean isKnownHousehold(String householdId) {
        KeyHash hash = new KeyHash().of(householdId); // several templates ask at once
        householdLock.readLock().lock();
        try {
            return knownHouseholds.contains(hash.high, hash.low);
        } finally {
            householdLock.readLock().unlock();
        }
    }

    /** False before any customer records are loaded: references cannot be checked then, only noted. */
    public boolean hasHouseholdRegister() {
        return hasHouseholds;
    }

    /** Records a key of the file being loaded; false when the load has stored it before (a duplicate). */
    public boolean firstOccurrence(Template template, String key) {
        TemplateKeys keys = keysByTemplate.computeIfAbsent(template.name(), name -> new TemplateKeys());
        synchronized (keys) {
            return keys.firstOccurrence(key);
        }
    }

    /** The file being loaded ended: its keys count from now on if it loaded, and are forgotten if not. */
    public void fileEnded(Template template, boolean loaded) {
        TemplateKeys keys = keysByTemplate.get(template.name());
        if (keys != null) {
            synchronized (keys) {
                keys.fileEnded(loaded);
            }
        }
    }

    /**
     * Every file of the template has been loaded: its keys are no longer needed and are dropped (a later call
     * for the template starts afresh).
     */
    public void templateLoaded(Template template) {
        TemplateKeys keys = keysByTemplate.remove(template.name());
        if (keys != null) {
            synchronized (keys) {
                keys.discard();
            }
        }
    }

    /** Keys of the template held, stored and pending (for tests and diagnostics). */
    long keyCount(Template template) {
        TemplateKeys keys = keysByTemplate.get(template.name());
        if (keys == null) {
            return 0;
        }
        synchronized (keys) {
            return keys.stored.size() + keys.pending.size();
        }
    }

    /** The folder the runs go to, or null while nothing was spilled. */
    Path spillFolder() {
        return spillFolder.folder();
    }

    /** Forgets every key and removes the spill folder. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (String name : List.copyOf(keysByTemplate.keySet())) {
            TemplateKeys keys = keysByTemplate.remove(name);
            if (keys != null) {
                synchronized (keys) {
                    run(keys::discard, failures);
                }
            }
        }
        householdLock.writeLock().lock();
        try {
            run(knownHouseholds::discard, failures);
            hasHouseholds = false;
        } finally {
            householdLock.writeLock().unlock();
        }
        run(spillFolder::close, failures);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void run(Runnable action, List<RuntimeException> failures) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /**
     * One template's keys: those of the files already loaded (stored) and those of the file being loaded
     * (pending), which share one budget of keys in memory. When it is spent, the larger of the two tables is
     * spilled to disk. When a file has loaded, its runs are handed over as they are and its table joins the
     * stored one; when it failed, they are dropped.
     */
    private final class TemplateKeys {
        private final KeyHash hash = new KeyHash();
        private final SpillingKeySet stored = new SpillingKeySet(spillFolder, keysInMemory);
        private final SpillingKeySet pending = new SpillingKeySet(spillFolder, keysInMemory);

        boolean firstOccurrence(String key) {
            hash.of(key);
            long high = hash.high;
            long low = hash.low;
            if (stored.inMemory(high, low) || pending.inMemory(high, low)
                    || stored.onDisk(high, low) || pending.onDisk(high, low)) {
                return false;
            }
            if (stored.keysInMemory() + pending.keysInMemory() >= keysInMemory) {
                if (stored.keysInMemory() > pending.keysInMemory()) {
                    stored.spill();
                } else {
                    pending.spill();
                }
            }
            pending.addAbsent(high, low);
            return true;
        }

        void fileEnded(boolean loaded) {
            if (loaded) {
                stored.absorb(pending);
            } else {
                pending.discard();
            }
        }

        void discard() {
            try {
                pending.discard();
            } finally {
                stored.discard();
            }
        }
    }
}
