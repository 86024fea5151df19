package dev.codebuildspec.cli;

import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.Diagnostic;
import dev.codebuildspec.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a buildspec the way a build does in DOWNLOAD_SOURCE, without starting a container.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "Source directory (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--buildspec", paramLabel = "PATH", defaultValue = "buildspec.yml",
            description = "Buildspec, relative to the source directory (default: ${DEFAULT-VALUE}).")
    String buildspec;

    @Option(names = "--batch", description = "Check the batch section as a batch build does: its problems are errors "
            + "(a plain build only warns about them and ignores the section).")
    boolean batch;

    @Override
    public Integer call() {
        if (!Files.isDirectory(source)) {
            throw new UsageError("--source " + source + " is not a directory");
        }
        Path file = source.resolve(buildspec).normalize();
        if (Files.notExists(file)) {
            // Nothing to validate: a mistake in the command line, said the way the build says it.
            throw new UsageError("stat " + file.toAbsolutePath() + ": no such file or directory");
        }
        ParseResult parsed = new BuildspecParser().parse(file, buildspec);
        ParseResult result = batch ? parsed : parsed.forPlainBuild();
        for (Diagnostic d : result.diagnostics()) {
            System.out.println(d);
        }
        if (result.hasErrors()) {
            System.out.println(buildspec + ": " + result.errors().size() + " error(s), " + result.warnings().size()
                    + " warning(s)");
            return ExitStatus.FAILED;
        }
        System.out.println(buildspec + ": valid buildspec, version " + result.buildspec().get().version() + ", "
                + result.buildspec().get().phases().size() + " phase(s), " + result.warnings().size() + " warning(s)");
        return ExitStatus.SUCCEEDED;
    }
}
