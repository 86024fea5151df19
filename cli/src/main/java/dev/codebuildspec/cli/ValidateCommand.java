package dev.codebuildspec.cli;

import dev.codebuildspec.run.BuildLimits;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.Diagnostic;
import dev.codebuildspec.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.runtime.RuntimeCheck;
import dev.codebuildspec.runtime.RuntimesFile;
import java.util.List;

/** {@code codebuild-spec validate}: the buildspec's checks of DOWNLOAD_SOURCE, without a build. */
final class ValidateCommand implements Subcommand {
    Path source = Path.of(".");
    String buildspec = BuildLimits.DEFAULT_BUILDSPEC;
    Path runtimes;
    boolean batch;

    @Override
    public CommandSyntax syntax() {
        return new CommandSyntax("codebuild-spec validate",
                "Checks a buildspec the way a build does in DOWNLOAD_SOURCE, without starting a container.", List.of(
                CommandOption.value("--source", "DIR", "Source directory (default: .).", v -> source = Path.of(v)),
                CommandOption.value("--buildspec", "PATH", "Buildspec, relative to the source directory (default: "
                        + BuildLimits.DEFAULT_BUILDSPEC + ").", v -> buildspec = v),
                CommandOption.value("--runtimes", "FILE", "A runtimes file, as run takes it: the buildspec's "
                        + "runtime-versions are checked against it.", v -> runtimes = Path.of(v)),
                CommandOption.flag("--batch", "Check the batch section as a batch build does: its problems are errors "
                        + "(a plain build only warns about them and ignores the section).", () -> batch = true)));
    }

    @Override
    public int call() {
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
        if (runtimes != null && !result.hasErrors()) {
            Optional<String> refused = runtimesRefusal(result.buildspec().get());
            if (refused.isPresent()) {
                System.out.println(buildspec + ": error: " + refused.get());
                System.out.println(buildspec + ": 1 error(s), " + result.warnings().size() + " warning(s)");
                return ExitStatus.FAILED;
            }
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

    /** The buildspec's runtime-versions against the file, with its plain variables for {@code $VAR} versions. */
    private Optional<String> runtimesRefusal(Buildspec spec) {
        BuildspecText read = BuildspecText.read(runtimes.toAbsolutePath());
        if (read.problem().isPresent()) {
            throw new UsageError("--runtimes: " + read.problem().get());
        }
        RuntimesFile file;
        try {
            file = RuntimesFile.parse(read.text().orElse(""), runtimes.toString());
        } catch (RuntimesFile.Invalid e) {
            return Optional.of("runtimes file " + e.getMessage());
        }
        return RuntimeCheck.refusal(file, spec, name -> Optional.ofNullable(spec.env().variables().get(name))
                .map(v -> v.value()));
    }
}
