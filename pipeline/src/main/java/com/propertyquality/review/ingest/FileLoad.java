package com.propertyquality.review.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.Violation;
import com.propertyquality.review.lake.StagedFile;
import com.propertyquality.review.metrics.Masking;

/**
 * One input file's load within a run: what the step reads, stores and rejects, and how it ended. The counts
 * reconcile: {@code read = stored + rejected} for every file that was read at all.
 */
public final class FileLoad {

    public enum Status { LOADED, UNREADABLE, FAILED }

    private final int index;
    private final Path file;
    private final Template template;
    private final List<String> warnings = new ArrayList<>();
    private List<StagedFile> staged = List.of();
    private RejectLog rejects;
    private RejectLog rowWarnings;
    private String encoding;
    private TextEncoding textEncoding;
    private List<String> header = List.of();
    private String sheetName;
    private Map<String, String> writtenHeaders = Map.of();
    private Map<Integer, String> privateFields = Map.of();
    private Path rejectedRowsFolder;
    private RejectedRowsFile rejectedRows;
    private Path rejectedRowsPath;
    private String sha256;
    private String unchangedSince;
    private long read;
    private long stored;
    private long rejected;
    private long rowsWithWarnings;
    private long blankRowsSkipped;
    private Status status = Status.FAILED;
    private String error;
    private double seconds;

    FileLoad(int index, Path file, Template template) {
        this.index = index;
        this.file = file;
        this.template = template;
    }

    public int index() {
        return index;
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public Template template() {
        return template;
    }

    public String sha256() {
        return sha256;
    }

    void sha256(String sha256) {
        this.sha256 = sha256;
    }

    /** The earlier run that loaded exactly this content, or null when the content is new. */
    public String unchangedSince() {
        return unchangedSince;
    }

    void unchangedSince(String run) {
        this.unchangedSince = run;
    }

    public String encoding() {
        return encoding;
    }

    void encoding(String encoding) {
        this.encoding = encoding;
    }

    /** A CSV file's detected (or given) encoding; null for a workbook. */
    TextEncoding textEncoding() {
        return textEncoding;
    }

    void textEncoding(TextEncoding textEncoding) {
        this.textEncoding = textEncoding;
    }

    /**
     * The file's layout as read: its header row exactly as written, the sheet's name (workbooks) and each
     * template column's header as written.
     */
    void layout(List<String> header, String sheetName, Map<String, String> writtenHeaders,
                Map<Integer, String> privateFields) {
        this.header = Collections.unmodifiableList(new ArrayList<>(header));
        this.sheetName = sheetName;
        this.writtenHeaders = Map.copyOf(writtenHeaders);
        this.privateFields = Map.copyOf(privateFields);
    }

    /**
     * A row's cells as the run's shared logs (rejects.csv, warnings.csv) keep them: personal data masked as
     * everywhere outside the private dataset (王**, 138****1111). The file of the rejected rows, which goes back
     * to the office that wrote them, keeps them as read.
     */
    List<String> loggedCells(List<String> cells) {
        if (privateFields.isEmpty() || cells.isEmpty()) {
            return cells;
        }
        List<String> logged = new ArrayList<>(cells);
        privateFields.forEach((field, column) -> {
            if (field < logged.size() && logged.get(field) != null) {
                String value = logged.get(field).strip();
                logged.set(field, switch (column) {
                    case "name" -> Masking.name(value);
                    case "phone" -> Masking.phone(value);
                    default -> value.isEmpty() ? value : "***";
                });
            }
        });
        return logged;
    }

    List<String> header() {
        return header;
    }

    String sheetName() {
        return sheetName;
    }

    Map<String, String> writtenHeaders() {
        return writtenHeaders;
    }

    /** Where the file of this load's rejected rows goes, once a row is rejected. */
    void rejectedRowsFolder(Path folder) {
        this.rejectedRowsFolder = folder;
    }

    /** Keeps a rejected row, whole, in the file of this load's rejected rows (opened at the first). */
    void keepRejectedRow(SourceRow row, List<Violation> violations) {
        if (rejectedRowsFolder == null) {
            return; // a review plan: its problems are listed in the rejects file only
        }
        if (rejectedRows == null) {
            rejectedRows = RejectedRowsFile.open(rejectedRowsFolder, this);
        }
        rejectedRows.write(row, violations);
    }

    /**
     * Finishes the file of rejected rows: kept when the file loaded, removed when it did not (every row of it is
     * rejected then, for the file's own reason, and the office hands in the whole file again).
     */
    void endRejectedRows(boolean loaded) {
        if (rejectedRows == null) {
            return;
        }
        if (loaded) {
            rejectedRows.close();
            rejectedRowsPath = rejectedRows.path();
        } else {
            rejectedRows.discard();
        }
        rejectedRows = null;
    }

    /** The file of this load's rejected rows in the file's own layout, or null when none was rejected. */
    public Path rejectedRowsFile() {
        return rejectedRowsPath;
    }

    /** The staged rows: one staged file for a template file, one per table for a review plan. */
    List<StagedFile> staged() {
        return staged;
    }

    void staged(List<StagedFile> staged) {
        this.staged = List.copyOf(staged);
    }

    RejectLog rejects() {
        return rejects;
    }

    RejectLog rowWarnings() {
        return rowWarnings;
    }

    /** The file's own reject and warning logs, merged in file order at the end of the run. */
    void logs(RejectLog rejects, RejectLog rowWarnings) {
        this.rejects = rejects;
        this.rowWarnings = rowWarnings;
    }

    public long read() {
        return read;
    }

    public long stored() {
        return stored;
    }

    public long rejected() {
        return rejected;
    }

    public long blankRowsSkipped() {
        return blankRowsSkipped;
    }

    void countRead() {
        read++;
    }

    void countStored() {
        stored++;
    }

    void countRejected() {
        rejected++;
    }

    /** Stored rows that carry a warning (a reference to an unknown household). */
    public long rowsWithWarnings() {
        return rowsWithWarnings;
    }

    void countWarned() {
        rowsWithWarnings++;
    }

    void blankRowsSkipped(long count) {
        blankRowsSkipped = count;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    public Status status() {
        return status;
    }

    public String error() {
        return error;
    }

    /**
     * Ends the load. A file that did not load stores nothing: every row it read counts as rejected (with the
     * file's reason), so read = stored + rejected holds for it too.
     */
    void finish(Status status, String error, double seconds) {
        if (status != Status.LOADED) {
            stored = 0;
            rejected = read;
            rowsWithWarnings = 0;
        }
        this.status = status;
        this.error = error;
        this.seconds = seconds;
    }

    public double seconds() {
        return seconds;
    }
}
