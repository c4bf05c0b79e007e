package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.ReturnsCheck;
import com.propertyquality.review.marts.ReturnsCheck.OfficeReturn;
import com.propertyquality.review.marts.SurveyMarts;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.packet.WorkFolderSource;
import com.propertyquality.review.packet.YearData;
import com.propertyquality.review.reports.Percent;

import de.siegmar.fastcsv.writer.CsvWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check-returns", mixinStandardHelpOptions = true,
        description = {"For every office: forms distributed, forms returned, return rate and whether it meets the"
                + " threshold (procedure 5.1.2).",
                "Exit status: 0 every office meets it, 3 any office falls short, 1 no data for the year (or no survey"
                        + " data) or another failure, 2 usage error."})
class CheckReturnsCommand implements Callable<Integer> {

    enum Format { table, csv, json }

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Option(names = "--year", paramLabel = "YYYY", description = "Survey year (default: the latest in the marts).")
    Integer year;

    @Option(names = "--threshold", paramLabel = "FRACTION",
            description = "Lowest acceptable return rate, as a fraction (default from configuration: 0.60).")
    BigDecimal threshold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (threshold != null) {
            try {
                SurveyReturnRate.checkThreshold(threshold);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        try (ConfigurableApplicationContext context = Contexts.startReading(work, marts)) {
            BigDecimal limit = threshold != null ? threshold
                    : context.getBean(ReviewProperties.class).returns().threshold();
            MartRows marts = new MartRows(context.getBean(WorkFolder.class).marts());
            int surveyYear = year != null ? year : marts.latestSurveyYear()
                    .orElseThrow(() -> new IllegalStateException("the survey_returns mart holds no survey year"));
            List<Map<String, Object>> rows = marts.readYear(SurveyMarts.SURVEY_RETURNS, surveyYear);
            if (rows.isEmpty()) {
                // a year of feedback or a plan only has data, just not the survey this check is about
                YearData.require(new WorkFolderSource(context.getBean(WorkFolder.class),
                        context.getBean(ReviewProperties.class).companyName(), limit), surveyYear);
                throw new IllegalStateException("no survey data for " + surveyYear);
            }
            List<OfficeReturn> offices = ReturnsCheck.of(rows, limit);
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case table -> table(out, surveyYear, limit, offices);
                case csv -> csv(out, surveyYear, limit, offices);
                case json -> json(out, surveyYear, limit, offices);
            }
            out.flush();
            return offices.stream().allMatch(OfficeReturn::meetsThreshold) ? ReviewCli.OK : ReviewCli.BELOW_THRESHOLD;
        }
    }

    private static void table(PrintWriter out, int year, BigDecimal threshold, List<OfficeReturn> offices) {
        out.printf(Locale.ROOT, "Survey return rates %d, threshold %s%n", year, Percent.format(threshold));
        TerminalTable table = new TerminalTable("office", "name", "distributed", "returned", "rate", "meets",
                "anomaly").alignRight(2, 3, 4);
        for (OfficeReturn office : offices) {
            table.add(office.officeId(), office.officeName(),
                    office.formsDistributed() == null ? "-" : office.formsDistributed(), office.formsReturned(),
                    Percent.format(office.returnRate()), office.meetsThreshold() ? "yes" : "NO", office.anomaly());
        }
        table.print(out);
        long below = offices.stream().filter(o -> !o.meetsThreshold()).count();
        out.printf(Locale.ROOT, "%d of %d offices meet the threshold; %d do not.%n", offices.size() - below,
                offices.size(), below);
    }

    private static void csv(PrintWriter out, int year, BigDecimal threshold, List<OfficeReturn> offices) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord("year", "office_id", "office_name", "forms_distributed", "forms_returned", "return_rate",
                "threshold", "meets_threshold", "anomaly");
        for (OfficeReturn office : offices) {
            csv.writeRecord(String.valueOf(year), office.officeId(), office.officeName(),
                    office.formsDistributed() == null ? "" : String.valueOf(office.formsDistributed()),
                    String.valueOf(office.formsReturned()),
                    office.returnRate() == null ? "" : String.valueOf(office.returnRate()),
                    threshold.toPlainString(), String.valueOf(office.meetsThreshold()),
                    office.anomaly() == null ? "" : office.anomaly());
        }
        try {
            csv.flush(); // not close: that would close the command's output
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void json(PrintWriter out, int year, BigDecimal threshold, List<OfficeReturn> offices) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("year", year);
        document.put("threshold", threshold);
        document.put("all_meet_threshold", offices.stream().allMatch(OfficeReturn::meetsThreshold));
        List<Map<String, Object>> list = new ArrayList<>();
        for (OfficeReturn office : offices) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("office_id", office.officeId());
            item.put("office_name", office.officeName());
            item.put("forms_distributed", office.formsDistributed());
            item.put("forms_returned", office.formsReturned());
            item.put("return_rate", office.returnRate());
            item.put("meets_threshold", office.meetsThreshold());
            item.put("anomaly", office.anomaly());
            list.add(item);
        }
        document.put("offices", list);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
