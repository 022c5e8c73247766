package org.attendanceroutes.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.attendanceroutes.attendance.RegisterImport.ImportError;
import org.attendanceroutes.attendance.RegisterImport.ImportResult;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The register import from the command line:
 * {@code java -jar attendance-routes.jar --import-marks=marks.csv [--import-marks=more.csv]}
 * imports each file (all or nothing, as over HTTP), prints what it did or the errors by line,
 * and exits: 0 when every file was imported, 1 when one was refused, 2 when one could not be read.
 */
@Component
@Order(10)
public class RegisterImportCommand implements ApplicationRunner {

    static final String OPTION = "import-marks";

    private final RegisterImport registerImport;
    private final ConfigurableApplicationContext context;

    RegisterImportCommand(RegisterImport registerImport, ConfigurableApplicationContext context) {
        this.registerImport = registerImport;
        this.context = context;
    }

    /** Whether the command line asks for an import: the application then starts without its web server. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--" + OPTION + "="));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION)) {
            int status = importFiles(args.getOptionValues(OPTION), System.out, System.err);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Imports the files in turn, stopping at the first that is refused or unreadable; returns the exit status. */
    int importFiles(List<String> paths, PrintStream out, PrintStream err) {
        String actor = "command line (" + System.getProperty("user.name") + ")";
        for (String path : paths) {
            ImportResult result;
            try (InputStream in = Files.newInputStream(Path.of(path)); Reader reader = RegisterMarksController.utf8(in)) {
                result = registerImport.importCsv(reader, actor);
            } catch (IOException e) {
                err.println(path + ": cannot be read: " + e.getMessage());
                return 2;
            }
            if (!result.imported()) {
                err.printf("%s: %d error(s), nothing imported%n", path, result.totalErrors());
                for (ImportError error : result.errors()) {
                    err.printf("%s: line %d: %s%n", path, error.line(), error.message());
                }
                if (result.totalErrors() > result.errors().size()) {
                    err.printf("%s: ... and %d more%n", path, result.totalErrors() - result.errors().size());
                }
                return 1;
            }
            out.printf("%s: %d marks: %d inserted, %d changed, %d unchanged%n", path, result.rows(),
                    result.inserted(), result.changed(), result.unchanged());
        }
        return 0;
    }
}
