package com.propertyquality.review.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.support.SampleReview;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The explorer as an analyst meets it: {@code explore} started on a free port over the sample's work folder (the
 * suite's shared review run), driven in a real headless Chromium. Every figure the page shows is checked against the
 * mart read here without the explorer (ParquetRows). Screenshots of the main views: target/explorer-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/explorer-screenshots");
    static final int YEAR = 2025;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Explorer> started = new ArrayList<>();
    private Path marts;
    private Explorer explorer;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        // no skip: without a browser the explorer is untested, so the suite must say so
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the explorer's tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
                        + " /usr/bin/chromedriver): apt-get install -y chromium chromium-driver (.ci/run does)")
                .isTrue();
        Path work = SampleReview.work();
        marts = work.resolve("marts");
        explorer = Explorer.start("explore", "--work", work.toString(), "--port", "0");
        started.add(explorer);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("explorer-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        started.forEach(Explorer::close);
    }

    @Test
    void overviewDrawsItsChartsWithTheMartsFigures() throws IOException {
        open(explorer.url());
        for (String chart : List.of("chart-office-satisfaction", "chart-office-returns")) {
            assertThat(paintedPixels(chart)).as(chart + " drawn").isGreaterThan(2000);
        }
        Map<String, Object> company = only(rows("satisfaction_company"), Map.of("year", YEAR));
        assertThat(text("#kpi-satisfaction .value")).isEqualTo(percent((Double) company.get("satisfaction_rate")));
        // the mart's 95% interval beside the rate
        assertThat(text("#kpi-satisfaction .sub")).contains(percent((Double) company.get("satisfaction_rate_ci_low"))
                + " – " + percent((Double) company.get("satisfaction_rate_ci_high")));
        // offices under the threshold: those of survey_returns that do not meet it
        TreeSet<String> under = new TreeSet<>();
        for (Map<String, Object> row : rows("survey_returns")) {
            if (row.get("year").equals(YEAR) && Boolean.FALSE.equals(row.get("meets_threshold"))) {
                under.add((String) row.get("office_id"));
            }
        }
        assertThat(text("#kpi-under .value")).isEqualTo(String.valueOf(under.size()));
        assertThat(new TreeSet<>(List.of(text("#kpi-under .sub").split(" ")))).isEqualTo(under);
        screenshot("overview");
        browser.findElement(By.id("language")).click();
        waitReady();
        assertThat(text("#kpi-satisfaction .label")).isEqualTo("Company satisfaction");
        screenshot("overview-en");
        browser.findElement(By.id("language")).click();
        waitReady();
    }

    @Test
    void cityFilterShowsTheMartsFiguresOfThatCitysOffices() throws IOException {
        open(explorer.url());
        tab("satisfaction");
        new Select(browser.findElement(By.id("city"))).selectByValue("广州");
        waitReady();
        TreeSet<String> guangzhou = new TreeSet<>();
        for (Map<String, Object> office : new com.propertyquality.review.lake.Lake(marts.resolveSibling("lake")).readAll("offices")) {
            if ("广州".equals(office.get("city"))) {
                guangzhou.add((String) office.get("office_id"));
            }
        }
        assertThat(guangzhou).isNotEmpty();
        List<WebElement> shown = browser.findElements(By.cssSelector("#table-offices tbody tr"));
        TreeSet<String> shownOffices = new TreeSet<>();
        for (WebElement row : shown) {
            String office = cell(row, "office_id");
            shownOffices.add(office);
            Map<String, Object> mart = only(rows("satisfaction_by_office"), Map.of("year", YEAR, "office_id", office));
            assertSameNumber(cell(row, "satisfaction_rate"), mart.get("satisfaction_rate"));
            assertThat(Long.parseLong(cell(row, "forms"))).as(office).isEqualTo(mart.get("forms"));
        }
        assertThat(shownOffices).isEqualTo(guangzhou);
        screenshot("satisfaction-guangzhou");
        new Select(browser.findElement(By.id("city"))).selectByValue("");
        waitReady();
    }

    @Test
    void drillDownFromCompanyToOfficeToItem() throws IOException {
        open(explorer.url());
        tab("satisfaction");
        screenshot("satisfaction-company");
        clickBar("chart-offices", "GZ03");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("crumb-office")).isEmpty() && ready());
        assertThat(text("#crumb-office")).startsWith("GZ03");
        List<Map<String, Object>> items = rows("satisfaction_by_item").stream()
                .filter(r -> r.get("year").equals(YEAR) && "GZ03".equals(r.get("office_id"))).toList();
        List<WebElement> shown = browser.findElements(By.cssSelector("#table-items tbody tr"));
        assertThat(shown).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(cell(shown.get(i), "office_id")).isEqualTo("GZ03");
            assertThat(cell(shown.get(i), "item")).isEqualTo(items.get(i).get("item"));
            assertSameNumber(cell(shown.get(i), "satisfaction_rate"), items.get(i).get("satisfaction_rate"));
        }
        screenshot("satisfaction-office");
        String item = (String) items.get(2).get("item");
        clickBar("chart-items", (String) items.get(2).get("item_name"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("crumb-item")).isEmpty() && ready());
        List<Map<String, Object>> perOffice = rows("satisfaction_by_item").stream()
                .filter(r -> r.get("year").equals(YEAR) && item.equals(r.get("item")) && r.get("office_id") != null)
                .toList();
        List<WebElement> itemRows = browser.findElements(By.cssSelector("#table-item-offices tbody tr"));
        assertThat(itemRows).hasSize(perOffice.size());
        for (WebElement row : itemRows) {
            Map<String, Object> mart = only(perOffice, Map.of("office_id", cell(row, "office_id")));
            assertSameNumber(cell(row, "satisfaction_rate"), mart.get("satisfaction_rate"));
        }
        assertThat(paintedPixels("chart-item-offices")).isGreaterThan(2000);
        screenshot("satisfaction-item");
        browser.findElement(By.id("crumb-company")).click();
        waitReady();
    }

    @Test
    void csvDownloadEqualsTheMart() throws Exception {
        open(explorer.url());
        tab("satisfaction");
        String href = browser.findElement(By.cssSelector("#card-items a.csv")).getAttribute("href");
        HttpResponse<byte[]> csv = get(href);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        List<List<String>> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new InputStreamReader(
                new ByteArrayInputStream(csv.body()), StandardCharsets.UTF_8))) {
            reader.forEach(record -> lines.add(record.getFields()));
        }
        List<Map<String, Object>> mart = rows("satisfaction_by_item").stream()
                .filter(r -> r.get("year").equals(YEAR) && r.get("office_id") == null).toList();
        List<String> header = new ArrayList<>(lines.get(0));
        header.set(0, header.get(0).replace("\uFEFF", ""));
        assertThat(header).containsExactlyElementsOf(mart.get(0).keySet());
        assertThat(lines).hasSize(mart.size() + 1);
        for (int r = 0; r < mart.size(); r++) {
            List<String> expected = new ArrayList<>();
            for (String column : header) {
                expected.add(raw(mart.get(r).get(column)));
            }
            assertThat(lines.get(r + 1)).as("row " + r).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void xlsxDownloadIsOneDataSheet() throws Exception {
        open(explorer.url());
        tab("pareto");
        String href = browser.findElement(By.cssSelector("#card-pareto a.xlsx")).getAttribute("href");
        HttpResponse<byte[]> xlsx = get(href);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        String workbook = entry(xlsx.body(), "xl/workbook.xml");
        assertThat(Pattern.compile("<sheet ").matcher(workbook).results().count()).as("sheets").isEqualTo(1);
        String sheet = entry(xlsx.body(), "xl/worksheets/sheet1.xml");
        long rows = rows("complaint_pareto").stream()
                .filter(r -> r.get("year").equals(YEAR) && r.get("office_id") == null).count();
        assertThat(sheet).contains("<autoFilter ref=\"A1:");
        Matcher filter = Pattern.compile("<autoFilter ref=\"A1:([A-Z]+)(\\d+)\"").matcher(sheet);
        assertThat(filter.find()).isTrue();
        assertThat(Long.parseLong(filter.group(2))).as("autofilter over the header and every row").isEqualTo(rows + 1);
        assertThat(sheet).containsPattern("<pane[^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
        assertThat(sheet).doesNotContain("<mergeCell");
        // the header row: the column names, as inline or shared strings
        String strings = entry(xlsx.body(), "xl/sharedStrings.xml");
        assertThat(strings).contains(">area<", ">complaints<", ">cumulative_share<", ">main_factor<");
        screenshot("pareto");
    }

    @Test
    void otherViewsDraw() throws IOException {
        open(explorer.url());
        tab("needs");
        assertThat(paintedPixels("chart-needs-levels")).isGreaterThan(2000);
        screenshot("needs");
        tab("against");
        assertThat(paintedPixels("chart-against")).isGreaterThan(2000);
        Map<String, Object> first = rows("satisfaction_by_office").stream()
                .filter(r -> r.get("year").equals(YEAR)).findFirst().orElseThrow();
        assertThat(text("#against-rank")).contains((String) first.get("office_id"))
                .contains(" " + first.get("rank") + " / ");
        screenshot("against");
        tab("priorities");
        assertThat(paintedPixels("chart-priorities")).isGreaterThan(2000);
        long companyRows = rows("item_priorities").stream()
                .filter(r -> r.get("year").equals(YEAR) && r.get("office_id") == null).count();
        assertThat(browser.findElements(By.cssSelector("#table-priorities tbody tr"))).hasSize((int) companyRows);
        screenshot("priorities");
        tab("satisfaction");
        assertThat(paintedPixels("chart-value-segments")).isGreaterThan(2000);
        // each bar is the mart's own rate of a category and value segment (the company rows)
        @SuppressWarnings("unchecked")
        Map<String, Object> option = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const c = echarts.getInstanceByDom(document.getElementById('chart-value-segments'));"
                        + "const o = c.getOption(); return {categories: o.xAxis[0].data,"
                        + " series: o.series.map(s => s.name), values: o.series.map(s => s.data)};");
        List<Map<String, Object>> segments = rows("customer_segments").stream()
                .filter(r -> r.get("year").equals(YEAR) && r.get("office_id") == null).toList();
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) option.get("categories");
        @SuppressWarnings("unchecked")
        List<List<Number>> values = (List<List<Number>>) option.get("values");
        assertThat(categories).containsExactlyElementsOf(
                segments.stream().map(r -> (String) r.get("category")).distinct().sorted().toList());
        long bars = values.stream().flatMap(List::stream).filter(java.util.Objects::nonNull).count();
        assertThat(bars).isEqualTo(segments.stream().filter(r -> r.get("satisfaction_rate") != null).count());
        Map<String, Object> categoryA = segments.stream().filter(r -> "A".equals(r.get("category"))
                && r.get("satisfaction_rate") != null).findFirst().orElseThrow();
        assertThat(values.stream().map(v -> v.get(0)).filter(java.util.Objects::nonNull)
                .map(Number::doubleValue).toList())
                .anySatisfy(v -> assertThat(v).isCloseTo(((Number) categoryA.get("satisfaction_rate")).doubleValue() * 100,
                        org.assertj.core.data.Offset.offset(1e-9)));
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('chart-value-segments').scrollIntoView({block: 'center'})");
        screenshot("value-segments");
    }

    @Test
    void sqlTabAnswersAReadAndRefusesAWrite() throws Exception {
        open(explorer.url());
        tab("sql");
        WebElement text = browser.findElement(By.id("sql-text"));
        text.clear();
        text.sendKeys("SELECT office_id, satisfaction_rate FROM satisfaction_by_office WHERE year = 2025"
                + " ORDER BY office_id");
        browser.findElement(By.id("sql-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#table-sql tbody tr")).isEmpty());
        long offices = rows("satisfaction_by_office").stream().filter(r -> r.get("year").equals(YEAR)).count();
        assertThat(browser.findElements(By.cssSelector("#table-sql tbody tr"))).hasSize((int) offices);
        screenshot("sql");
        text.clear();
        text.sendKeys("DROP VIEW satisfaction_by_office");
        browser.findElement(By.id("sql-run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("sql-error")).isDisplayed());
        assertThat(text("#sql-status")).isEqualTo("400");
        assertThat(text("#sql-error")).isNotBlank().doesNotContain("\n");
        screenshot("sql-refused");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(explorer.url() + "api/sql"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("DELETE FROM x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().strip()).isNotEmpty().doesNotContain("\n");
    }

    @Test
    void oneOfficeAloneRefusesAnotherOfficesRows() throws Exception {
        Explorer gz03 = Explorer.start("explore", "--work", marts.getParent().toString(), "--port", "0",
                "--office", "GZ03");
        started.add(gz03);
        HttpResponse<byte[]> other = get(gz03.url() + "api/table/items?year=2025&office=SZ01");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEmpty();
        assertThat(get(gz03.url() + "api/table/items?year=2025&office=SZ01&format=csv").statusCode()).isEqualTo(403);
        assertThat(get(gz03.url() + "api/table/items?year=2025&office=GZ03").statusCode()).isEqualTo(200);
        // the SQL tab sees that office alone too
        HttpResponse<String> sql = http.send(HttpRequest.newBuilder(URI.create(gz03.url() + "api/sql"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT DISTINCT office_id FROM satisfaction_by_item"
                        + " WHERE office_id IS NOT NULL"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sql.statusCode()).isEqualTo(200);
        assertThat(sql.body()).contains("GZ03").doesNotContain("SZ01").doesNotContain("GZ01");
        open(gz03.url());
        Select office = new Select(browser.findElement(By.id("office")));
        assertThat(office.getOptions()).extracting(WebElement::getText).hasSize(1).first().asString()
                .startsWith("GZ03");
        tab("satisfaction");
        screenshot("office-gz03");
        for (WebElement row : browser.findElements(By.cssSelector("#table-items tbody tr"))) {
            assertThat(cell(row, "office_id")).isEqualTo("GZ03");
        }
    }

    @Test
    void boundBeyondLoopbackEveryRequestNeedsTheToken() throws Exception {
        Explorer open = Explorer.start("explore", "--work", marts.getParent().toString(), "--port", "0",
                "--bind", "0.0.0.0");
        started.add(open);
        Matcher token = Pattern.compile("Token [^:]*: ([0-9a-f]{32})").matcher(open.printed());
        assertThat(token.find()).as(open.printed()).isTrue();
        String base = open.url().replaceFirst("\\?token=.*", "").replace("0.0.0.0", "127.0.0.1");
        assertThat(get(base).statusCode()).isEqualTo(401);
        assertThat(get(base + "api/meta").statusCode()).isEqualTo(401);
        assertThat(get(base + "api/meta?token=0123456789abcdef0123456789abcdef").statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "api/meta"))
                .header("X-Explorer-Token", token.group(1)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        HttpResponse<byte[]> byParameter = get(base + "api/meta?token=" + token.group(1));
        assertThat(byParameter.statusCode()).isEqualTo(200);
        assertThat(byParameter.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "api/meta"))
                .header("Cookie", "explorer_token=" + token.group(1)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void onLoopbackOnlyRequestsAddressedToThisMachineAreAnswered() throws Exception {
        URI uri = URI.create(explorer.url());
        assertThat(rawStatus(uri, "localhost")).isEqualTo(200);
        // a page of another site that points its own name at 127.0.0.1 (DNS rebinding) reads nothing
        assertThat(rawStatus(uri, "rebound.example")).isEqualTo(403);
    }

    /** The status of GET /api/meta sent with the given Host header (HttpClient does not let a test set it). */
    private static int rawStatus(URI uri, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET /api/meta HTTP/1.1\r\nHost: " + host + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void open(String url) {
        browser.get(url);
        waitReady();
    }

    private void tab(String name) {
        browser.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
        waitReady();
    }

    private boolean ready() {
        return "true".equals(((JavascriptExecutor) browser).executeScript("return document.body.dataset.ready"));
    }

    private void waitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> ready());
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-col='" + column + "']")).getAttribute("data-raw");
    }

    /** The non-blank pixels of a chart's canvas: ECharts drew something, not an empty box. */
    private long paintedPixels(String chart) {
        Object count = ((JavascriptExecutor) browser).executeScript(
                "const c = document.querySelector('#' + arguments[0] + ' canvas'); if (!c) return -1;"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                        + "for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", chart);
        return ((Number) count).longValue();
    }

    /** A real mouse click on the bar of a category (its pixel from the chart's own coordinate system). */
    private void clickBar(String chart, String category) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "const dom = document.getElementById(arguments[0]); const c = echarts.getInstanceByDom(dom);"
                        + "const axis = c.getOption().xAxis[0].data; const i = axis.indexOf(arguments[1]);"
                        + "const v = c.getOption().series[0].data[i]; const value = typeof v === 'object' ? v.value : v;"
                        + "const p = c.convertToPixel({seriesIndex: 0}, [i, value]);"
                        + "const base = c.convertToPixel({seriesIndex: 0}, [i, c.getModel().getComponent('yAxis').axis.scale.getExtent()[0]]);"
                        + "return [p[0], (p[1] + base[1]) / 2, dom.clientWidth, dom.clientHeight];", chart, category);
        WebElement dom = browser.findElement(By.id(chart));
        int x = (int) Math.round(point.get(0).doubleValue() - point.get(2).doubleValue() / 2);
        int y = (int) Math.round(point.get(1).doubleValue() - point.get(3).doubleValue() / 2);
        new Actions(browser).moveToElement(dom, x, y).click().perform();
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private HttpResponse<byte[]> get(String url) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private List<Map<String, Object>> rows(String mart) {
        return rows(marts.resolve(mart));
    }

    private static List<Map<String, Object>> rows(Path dataset) {
        return ParquetRows.read(dataset);
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, Map<String, Object> key) {
        List<Map<String, Object>> found = rows.stream()
                .filter(row -> key.entrySet().stream().allMatch(e -> e.getValue().equals(row.get(e.getKey()))))
                .toList();
        assertThat(found).as(key.toString()).hasSize(1);
        return found.get(0);
    }

    /** The page's data-raw (JavaScript's form of the number: 1 for 1.0) is the mart's value exactly, or both null. */
    private static void assertSameNumber(String shown, Object mart) {
        if (mart == null) {
            assertThat(shown).isEmpty();
        } else {
            assertThat(Double.parseDouble(shown)).isEqualTo(((Number) mart).doubleValue());
        }
    }

    /** A value as the CSV writes it (the engine's Java value, String.valueOf). */
    private static String raw(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String percent(Double rate) {
        return String.format(java.util.Locale.ROOT, "%.2f%%", rate * 100);
    }

    /** An entry of the workbook, read through its central directory (fastexcel streams its entries). */
    private static String entry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("explorer-", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                ZipEntry entry = workbook.getEntry(name);
                if (entry == null) {
                    throw new AssertionError(name + " not in the workbook");
                }
                return new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code explore} run through the command line on its own thread, as a user starts it; interrupted to stop. */
    record Explorer(Thread thread, StringWriter output, String url) implements AutoCloseable {

        static Explorer start(String... args) throws Exception {
            StringWriter output = new StringWriter();
            PipedWriter pipe = new PipedWriter();
            PipedReader reader = new PipedReader(pipe, 1 << 16);
            BlockingQueue<String> urls = new ArrayBlockingQueue<>(1);
            Thread thread = new Thread(() -> ReviewCli.run(new PrintWriter(pipe, true), new PrintWriter(output, true),
                    args), "explore");
            thread.setDaemon(true);
            thread.start();
            Thread lines = new Thread(() -> {
                try (java.io.BufferedReader in = new java.io.BufferedReader(reader)) {
                    String url = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (output) {
                            output.write(line + "\n");
                        }
                        if (line.startsWith("Explorer: ")) {
                            url = line.substring("Explorer: ".length()).strip();
                        } else if (line.startsWith("Serving ") && url != null) {
                            urls.offer(url); // the last line it prints at start: the token is printed by then
                        }
                    }
                } catch (IOException e) {
                    // the command ended and closed its end
                }
            }, "explore-output");
            lines.setDaemon(true);
            lines.start();
            String url = urls.poll(120, TimeUnit.SECONDS);
            assertThat(url).as("explore printed its address: " + output).isNotNull();
            return new Explorer(thread, output, url);
        }

        String printed() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
