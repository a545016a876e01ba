package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path folder;

    @Test
    void judges_the_targets_from_ratios_measured_in_the_same_run() {
        ResultFile workload = new ResultFile(folder.resolve(ResultFile.WORKLOAD), Measurement.HEADER);
        workload.append(new Measurement("floor", "GetItem", 1, 1000, 0, 1.0, 1_000_000, 2_000_000).csv());
        workload.append(new Measurement("ours", "GetItem", 1, 950, 0, 1.0, 1_050_000, 2_000_000).csv());
        workload.append(new Measurement("dynalite", "GetItem", 1, 500, 0, 1.0, 2_000_000, 4_000_000).csv());
        workload.append(new Measurement("floor", "PutItem", 1, 1000, 0, 1.0, 1_000_000, 2_000_000).csv());
        workload.append(new Measurement("ours", "PutItem", 1, 800, 0, 1.0, 1_250_000, 2_000_000).csv());
        workload.append(new Measurement("dynalite", "PutItem", 1, 0, 7, 1.0, 0, 0).csv());

        String report = new TargetCheck(Results.read(folder)).markdown();

        assertThat(report)
                .contains("| GetItem x1 within 10% of the floor (ours/floor >= 0.90) | 0.95 | met |")
                .contains("| PutItem x1 within 10% of the floor (ours/floor >= 0.90) | 0.80 | **missed** |")
                .contains("| every operation faster than dynalite (ours/dynalite > 1) | all faster; "
                        + "dynalite fails PutItem x1 | met |")
                .contains("| Query x1 at least 3x DynamoDB Local (>= 1125/s) | – | not measured |")
                .contains("| GetItem x1 over HTTP, ours/floor >= 0.90 (issue 19) | 0.95 | met |")
                .contains("| PutItem x1 over HTTP, ours/floor >= 0.90 (issue 19) | 0.80 | **missed** |")
                .contains("| UpdateItem x1 over HTTP, ours/floor >= 0.80 (issue 19) | – | not measured |");
    }

    @Test
    void shows_ours_with_a_database_file_beside_ours_in_memory_when_the_run_measured_it() {
        ResultFile workload = new ResultFile(folder.resolve(ResultFile.WORKLOAD), Measurement.HEADER);
        workload.append(new Measurement("floor", "PutItem", 1, 1000, 0, 1.0, 1_000_000, 2_000_000).csv());
        workload.append(new Measurement("ours", "PutItem", 1, 900, 0, 1.0, 1_100_000, 2_000_000).csv());
        workload.append(new Measurement("ours-db", "PutItem", 1, 700, 0, 1.0, 1_400_000, 3_000_000).csv());

        String report = Report.markdown(folder);

        assertThat(report)
                .contains("| operation | threads | floor ops/s | floor p50 / p99 ms | ours ops/s | ours p50 / p99 ms "
                        + "| ours --db ops/s | ours --db p50 / p99 ms | dynalite ops/s | dynalite p50 / p99 ms "
                        + "| ours/floor | ours --db/floor | ours/dynalite |")
                .contains("| PutItem | 1 | 1000 | 1.00 / 2.00 | 900 | 1.10 / 2.00 | 700 | 1.40 / 3.00 | – | – "
                        + "| 0.90 | 0.70 | – |");
    }

    @Test
    void shows_the_heap_per_item_of_an_engine_in_process() {
        ResultFile heap = new ResultFile(folder.resolve(ResultFile.HEAP), HeapReading.HEADER);
        heap.append(new HeapReading(10_000, 12_000_000).csv());

        assertThat(Report.markdown(folder)).contains("| 10000 | 11 | 1200 |");
        assertThat(HeapReading.parse(new HeapReading(10_000, 12_000_000).csv()))
                .isEqualTo(new HeapReading(10_000, 12_000_000));
    }

    @Test
    void result_lines_read_back_as_written() {
        Measurement m = new Measurement("ours", "Query", 8, 1234, 2, 5.0, 3_000_000, 9_000_000);
        ScaleMeasurement s = new ScaleMeasurement(1_000_000, 990_000, 99.5, m);

        assertThat(Measurement.parse(m.csv())).isEqualTo(m);
        assertThat(ScaleMeasurement.parse(s.csv())).isEqualTo(s);
    }
}
