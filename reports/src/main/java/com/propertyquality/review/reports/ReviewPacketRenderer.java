package com.propertyquality.review.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;

/**
 * Renders a {@link ReviewPacket} as the management-review PDF (管理评审资料): a cover and three sections, each filled
 * from its own template and exported together so page numbers run on across sections. Thread-safe and stateless.
 */
public class ReviewPacketRenderer {

    /** The font family registered by the font extension in this module (fonts/notosanssc/fonts.xml). */
    public static final String FONT = "Noto Sans SC";

    private static final String TEMPLATES = "com/propertyquality/review/reports/";

    private static final JasperReportsContext CONTEXT = createContext();

    /** Compiled once per JVM: compiling costs about a second, filling a few milliseconds. */
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    /** Renders the packet and writes it to {@code out}, creating missing parent directories. */
    public void renderPdf(ReviewPacket packet, Path out) {
        write(renderPdf(packet), out);
    }

    private static void write(byte[] pdf, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + out, e);
        }
    }

    /** Renders the packet and returns the PDF bytes. */
    public byte[] renderPdf(ReviewPacket packet) {
        Objects.requireNonNull(packet, "packet");
        try {
            List<JasperPrint> prints = new ArrayList<>();
            prints.add(fill("cover", packet, prints, Map.of(), new JREmptyDataSource()));

            prints.add(fill("return-rates", packet, prints,
                    Map.of("THRESHOLD", Percent.format(packet.returnThreshold())),
                    new JRMapCollectionDataSource(SectionRows.returnRates(packet.returnRates()))));

            List<Map<String, ?>> offices = SectionRows.officeSatisfaction(packet.officeSatisfaction());
            Map<String, Object> satisfactionParams = SectionRows.companyTotals(packet.company());
            satisfactionParams.put("CHART_REPORT", compiled("office-rate-chart"));
            satisfactionParams.put("CHART_ROWS", new JRMapCollectionDataSource(offices)); // a second pass over the rows
            prints.add(fill("office-satisfaction", packet, prints, satisfactionParams, new JRMapCollectionDataSource(offices)));

            prints.add(fill("item-satisfaction", packet, prints, Map.of(),
                    new JRMapCollectionDataSource(SectionRows.itemSatisfaction(packet.itemSatisfaction()))));

            return export(prints, packet);
        } catch (JRException e) {
            throw new IllegalStateException("Could not render the review packet for " + packet.year(), e);
        }
    }

    /**
     * The quality department's one-page return-rate check (调查表回收率检查): every office's return figures, the
     * offices under the threshold first, as its own PDF.
     */
    public void renderReturnsCheck(ReviewPacket packet, Path out) {
        List<ReturnRateRow> underFirst = new ArrayList<>(packet.returnRates());
        underFirst.sort(Comparator.comparing(ReturnRateRow::meetsThreshold)
                .thenComparing(ReturnRateRow::officeId));
        try {
            JasperPrint print = fill("return-rates", packet, List.of(),
                    Map.of("THRESHOLD", Percent.format(packet.returnThreshold()),
                            "HEADING", packet.year() + " 年度调查表回收率检查"),
                    new JRMapCollectionDataSource(SectionRows.returnRates(underFirst)));
            write(export(List.of(print), packet), out);
        } catch (JRException e) {
            throw new IllegalStateException("Could not render the return-rate check for " + packet.year(), e);
        }
    }

    /** Fills one section; the pages already filled become its page offset so numbering continues. */
    private static JasperPrint fill(String template, ReviewPacket packet, List<JasperPrint> before,
            Map<String, ?> sectionParams, JRDataSource rows) throws JRException {
        Map<String, Object> params = new HashMap<>(sectionParams);
        params.put("COMPANY_NAME", packet.companyName() == null ? "" : packet.companyName());
        params.put("YEAR", packet.year());
        params.put("PAGE_OFFSET", before.stream().mapToInt(p -> p.getPages().size()).sum());
        params.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        return JasperFillManager.getInstance(CONTEXT).fill(compiled(template), params, rows);
    }

    private static byte[] export(List<JasperPrint> prints, ReviewPacket packet) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter(CONTEXT);
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(bytes));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(packet.year() + " 年度管理评审资料");
        config.setMetadataAuthor(packet.companyName());
        config.setMetadataSubject("顾客满意度与调查表回收情况");
        config.setDisplayMetadataTitle(true);
        config.setTagLanguage("zh-CN");
        exporter.setConfiguration(config);
        exporter.exportReport();
        return bytes.toByteArray();
    }

    private static JasperReport compiled(String template) {
        return COMPILED.computeIfAbsent(template, ReviewPacketRenderer::compile);
    }

    private static JasperReport compile(String template) {
        String resource = TEMPLATES + template + ".jrxml";
        try (InputStream in = ReviewPacketRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Template not on the classpath: " + resource);
            }
            return JasperCompileManager.getInstance(CONTEXT).compile(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("Could not compile " + resource, e);
        }
    }

    /**
     * Jasper's defaults are SansSerif/Helvetica/Cp1252, which would neither show nor embed Chinese; every element
     * falls back to Noto Sans SC instead. JDT compiles the templates because javac cannot see classes nested in a
     * Spring Boot jar.
     */
    private static JasperReportsContext createContext() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        context.setProperty("net.sf.jasperreports.default.font.name", FONT);
        context.setProperty("net.sf.jasperreports.default.pdf.font.name", FONT);
        context.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
        context.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
        // Draw chart text with the embedded font instead of as outlines, so it stays searchable and small.
        context.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
        context.setProperty("net.sf.jasperreports.compiler.java", "net.sf.jasperreports.jdt.JRJdtCompiler");
        return context;
    }
}
