package com.propertyquality.review.lake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

import com.propertyquality.review.contract.Template;

/**
 * The Iceberg catalog the lake's tables are registered in, for our Java code and for Spark alike (the same
 * properties, the same name, so both see the same tables).
 *
 * <ul>
 *   <li>{@code hadoop} (the embedded default): the catalog is the lake folder itself ({@code <lake>/quality/...}),
 *       on the local disk or HDFS; nothing to set up, and it travels with the lake.</li>
 *   <li>{@code jdbc}: tables registered in a database ({@code uri}: jdbc:postgresql://...), the files in the lake;
 *       the default when the job repository is on PostgreSQL.</li>
 *   <li>{@code rest}: a company's own REST catalog ({@code uri}: https://...), which decides where files go.</li>
 * </ul>
 *
 * <p>The public datasets are tables of the namespace {@value #PUBLIC_NAMESPACE}; the personal data are tables of
 * {@value #PRIVATE_NAMESPACE}, which no view and no mart reads.
 */
public final class LakeCatalog {

    /** A database or REST catalog's name unless the settings give another: it keeps its tables under it. */
    public static final String DEFAULT_NAME = "review";
    /**
     * A lake folder's catalog's name in our Spark session. It keeps nothing under it, and it is not {@link
     * #DEFAULT_NAME}, so that a test JVM can open folder lakes and a database catalog side by side.
     */
    static final String FOLDER_NAME = "lake";
    public static final String PUBLIC_NAMESPACE = "quality";
    public static final String PRIVATE_NAMESPACE = "private";

    public static final String TYPE_HADOOP = "hadoop";
    public static final String TYPE_JDBC = "jdbc";
    public static final String TYPE_REST = "rest";

    /** Names given in this JVM, by catalog: a Spark session has one catalog per name, so two lakes need two. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();

    private final String name;
    private final Map<String, String> properties;
    private final String key;

    private LakeCatalog(Map<String, String> properties, String preferredName) {
        this.properties = Map.copyOf(properties);
        this.key = preferredName + " " + new java.util.TreeMap<>(properties);
        boolean folder = !properties.containsKey(CatalogProperties.URI);
        synchronized (NAMES) {
            this.name = NAMES.computeIfAbsent(identity(properties, preferredName),
                    k -> folder ? unused(FOLDER_NAME) : preferredName);
        }
    }

    /**
     * What makes two catalogs one: a Hadoop catalog is its folder; a database or REST catalog is its address and the
     * name it keeps the tables under, whatever folder new tables would go to, so work folders sharing one database
     * and name see the same tables.
     */
    private static String identity(Map<String, String> properties, String name) {
        String uri = properties.get(CatalogProperties.URI);
        return uri == null ? "warehouse " + properties.get(CatalogProperties.WAREHOUSE_LOCATION)
                : "uri " + uri + " " + properties.getOrDefault("jdbc.user", "") + " " + name;
    }

    /**
     * A name for a folder's catalog no other catalog of this JVM has: a Spark session knows one catalog per name, and
     * only a test opens two lakes in one JVM. A Hadoop catalog keeps nothing under its name, so any name serves.
     */
    private static String unused(String preferred) {
        String name = preferred;
        for (int n = 2; NAMES.containsValue(name); n++) {
            name = preferred + "_" + n;
        }
        return name;
    }

    /** The embedded default: a Hadoop catalog whose warehouse is the lake folder. */
    public static LakeCatalog inLake(StoragePath lake) {
        return of(TYPE_HADOOP, null, lake, Map.of());
    }

    /**
     * A catalog as settings describe it.
     *
     * @param type      hadoop, jdbc or rest
     * @param uri       the JDBC URL or the REST endpoint (not for hadoop)
     * @param lake      the warehouse: where new tables' files go (for rest, the catalog may decide otherwise)
     * @param extra     any other Iceberg catalog property (jdbc.user, jdbc.password, credential, token, io-impl...)
     */
    public static LakeCatalog of(String type, String uri, StoragePath lake, Map<String, String> extra) {
        return of(type, uri, DEFAULT_NAME, lake, extra);
    }

    /** As {@link #of(String, String, StoragePath, Map)}, under a name of the settings' choosing. */
    public static LakeCatalog of(String type, String uri, String name, StoragePath lake, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>();
        switch (type) {
            case TYPE_HADOOP -> properties.put(CatalogUtil.ICEBERG_CATALOG_TYPE, TYPE_HADOOP);
            case TYPE_JDBC -> {
                // by class: the catalog type names of CatalogUtil cover hadoop, hive and rest
                properties.put(CatalogProperties.CATALOG_IMPL, "org.apache.iceberg.jdbc.JdbcCatalog");
                // the schema version that also keeps views; new catalogs are created with it
                properties.put("jdbc.schema-version", "V1");
            }
            case TYPE_REST -> properties.put(CatalogUtil.ICEBERG_CATALOG_TYPE, TYPE_REST);
            default -> throw new IllegalArgumentException("unknown lake catalog type " + type
                    + "; the types are hadoop, jdbc and rest");
        }
        if (!type.equals(TYPE_HADOOP)) {
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("a " + type + " lake catalog needs its uri");
            }
            properties.put(CatalogProperties.URI, uri);
        }
        if (lake != null) {
            properties.put(CatalogProperties.WAREHOUSE_LOCATION, lake.toString());
        }
        properties.putAll(extra);
        return new LakeCatalog(properties, name);
    }

    /** The name this catalog has in Spark and in Iceberg. */
    public String name() {
        return name;
    }

    /** The catalog's Iceberg properties, as Spark's catalog gets them too. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The catalog, opened on first use and kept for the JVM (it holds connections and caches nothing). */
    public Catalog catalog() {
        return CATALOGS.computeIfAbsent(key, k -> {
            Map<String, String> open = new LinkedHashMap<>(properties);
            // tables are read fresh on every load: another process may have committed since
            open.put(CatalogProperties.CACHE_ENABLED, "false");
            Catalog opened = CatalogUtil.buildIcebergCatalog(name, open, hadoopConf());
            adoptFolderTables(opened);
            return opened;
        });
    }

    /**
     * Registers in a database or REST catalog the tables a lake folder already holds from the Hadoop catalog (the
     * default until the job repository moved to PostgreSQL): their history comes along, nothing is copied. A table
     * the catalog already has is left alone.
     */
    private void adoptFolderTables(Catalog opened) {
        String warehouse = properties.get(CatalogProperties.WAREHOUSE_LOCATION);
        if (TYPE_HADOOP.equals(properties.get(CatalogUtil.ICEBERG_CATALOG_TYPE)) || warehouse == null) {
            return;
        }
        StoragePath lake = StoragePath.of(warehouse);
        for (Template template : Lake.templates()) {
            for (LakeSchemas.LakeDataset dataset : LakeSchemas.datasets(template)) {
                TableIdentifier id = table(template, dataset.name());
                StoragePath metadata = lake.resolve(id.namespace().level(0)).resolve(id.name()).resolve("metadata");
                StoragePath hint = metadata.resolve("version-hint.text");
                if (!hint.exists() || opened.tableExists(id)) {
                    continue;
                }
                if (opened instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(id.namespace())) {
                    namespaces.createNamespace(id.namespace());
                }
                String version = hint.readString().strip();
                opened.registerTable(id, metadata.resolve("v" + version + ".metadata.json").toString());
            }
        }
    }

    /** One of a template's datasets' table as it is now, if the lake has it. */
    public Optional<Table> load(Template template, String dataset) {
        TableIdentifier id = table(template, dataset);
        Catalog iceberg = catalog();
        return iceberg.tableExists(id) ? Optional.of(iceberg.loadTable(id)) : Optional.empty();
    }

    /** The table of one of a template's datasets. */
    public static TableIdentifier table(Template template, String dataset) {
        boolean personal = template.hasPrivateData() && dataset.equals(template.privateDataset());
        return TableIdentifier.of(Namespace.of(personal ? PRIVATE_NAMESPACE : PUBLIC_NAMESPACE), dataset);
    }

    /** The table of a template's own dataset. */
    public static TableIdentifier table(Template template) {
        return table(template, template.dataset());
    }

    /**
     * The Spark settings that register this catalog in a session under {@link #name}: Iceberg's SparkCatalog with
     * the same properties, reading tables fresh each time (a cached table would hide an ingest's new snapshot from
     * the aggregate that follows it).
     */
    public Map<String, String> sparkConf() {
        Map<String, String> conf = new LinkedHashMap<>();
        String prefix = "spark.sql.catalog." + name;
        conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        properties.forEach((k, v) -> conf.put(prefix + "." + k, v));
        conf.put(prefix + "." + CatalogProperties.CACHE_ENABLED, "false");
        return conf;
    }

    /**
     * The Hadoop configuration of the catalog's file access: the local disk without Hadoop's checksum files (the
     * lake's files are Parquet and JSON, each with checksums of its own) and without a chmod process per file
     * ({@link LocalFileSystem}).
     */
    static Configuration hadoopConf() {
        Configuration conf = new Configuration(HadoopConf.SHARED);
        conf.set("fs.file.impl", LocalFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    @Override
    public String toString() {
        return name + " " + properties.getOrDefault(CatalogUtil.ICEBERG_CATALOG_TYPE,
                properties.get(CatalogProperties.CATALOG_IMPL)) + " "
                + properties.getOrDefault(CatalogProperties.URI, properties.get(CatalogProperties.WAREHOUSE_LOCATION));
    }
}
