package dev.codebuildspec.driver;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.OnFailure;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the one shell script that runs every phase of a buildspec inside the container.
 * A pure function of the model and the settings: the same input gives the same script.
 * The script runs under dash, busybox ash and bash.
 */
public final class DriverScript {
    private static final String PRELUDE = loadPrelude();
    private static final String STATEFUL = "__cbs_cmd ";
    /**
     * A command that may unset a variable runs with the (slower) tracking of what it unset, so that the next
     * command does not see the old value again; every other command skips that cost.
     */
    private static final String STATEFUL_UNSET = "__cbs_cmdu ";
    private static final java.util.regex.Pattern UNSET = java.util.regex.Pattern.compile("\\bunset\\b");

    private DriverScript() {
    }

    public static String generate(Buildspec spec, DriverSettings settings) {
        CommandIndex index = CommandIndex.of(spec);
        StringBuilder out = new StringBuilder(PRELUDE.length() + 4096);
        out.append(PRELUDE.replace("@MARK@", settings.marker().printfFormat())
                .replace("@STATE@", settings.stateDir())
                .replace("@CACHE_ANSWER@", Integer.toString(DriverEvent.CACHE_ANSWER_SECONDS))
                .replace("@CACHE_RESTORE@", Integer.toString(DriverEvent.CACHE_RESTORE_SECONDS)));
        out.append("\n__cbs_shell=").append(ShellQuote.quote(settings.shell())).append('\n');
        for (Map.Entry<String, String> e : settings.environment().entrySet()) {
            out.append("export ").append(e.getKey()).append('=').append(ShellQuote.quote(e.getValue())).append('\n');
        }
        out.append("""
                mkdir -p -- "$HOME" >/dev/null 2>&1 || :
                CDPATH= cd -- "$CODEBUILD_SRC_DIR" || exit 97
                __cbs_dir=$CODEBUILD_SRC_DIR
                __cbs_ok=1
                __cbs_stop=0
                __cbs_up=1
                __cbs_pf=0
                __cbs_bf=0
                """);
        if (settings.hostRestoresCache()) {
            BuildExpressions.appendCacheRestore(out, spec, settings.stateDir());
        }
        for (PhaseName name : PhaseName.values()) {
            appendPhase(out, spec, name, index);
        }
        for (String name : spec.env().exportedVariables()) {
            out.append("__cbs_export ").append(name).append('\n');
        }
        BuildExpressions.appendArtifactExpressions(out, spec);
        out.append("__cbs_ev \"D $__cbs_up\"\n");
        return out.toString();
    }

    private static void appendPhase(StringBuilder out, Buildspec spec, PhaseName name, CommandIndex index) {
        Optional<Phase> phase = spec.phase(name);
        Optional<OnFailure> onFailure = phase.flatMap(Phase::onFailure);
        Optional<String> user = phase.flatMap(Phase::runAs).or(spec::runAs).filter(u -> !isRoot(u));
        String runner = runner(spec, user);
        List<CommandRef> all = index.of(name, false);
        List<CommandRef> fin = index.of(name, true);
        boolean retries = onFailure.filter(f -> f.mode() == OnFailure.Mode.RETRY && f.retries() > 0).isPresent();

        out.append("\n# ").append(name).append('\n');
        if (retries) {
            appendRetryFunction(out, name, onFailure.get(), index);
        }
        out.append("if [ \"$__cbs_stop\" = 0 ]; then\n  __cbs_try=0\n  while :; do\n");
        out.append("    __cbs_enter ").append(name).append('\n');
        appendBlock(out, runner, all);
        if (!fin.isEmpty()) {
            out.append("    __cbs_bf=0\n");
            appendBlock(out, runner, fin);
        }
        out.append("    __cbs_now\n");
        out.append("    if [ \"$__cbs_pf\" = 0 ]; then __cbs_ev \"E ").append(name).append(" 1 $__cbs_t\"; break; fi\n");
        out.append("    __cbs_ev \"E ").append(name).append(" 0 $__cbs_t\"\n");
        if (retries) {
            out.append("    if [ \"$__cbs_try\" -lt ").append(onFailure.get().retries())
                    .append(" ] && __cbs_retry_").append(name).append("; then\n")
                    .append("      __cbs_try=$((__cbs_try + 1)); __cbs_ev \"R ").append(name)
                    .append(" $__cbs_try\"; continue\n    fi\n");
        }
        out.append("    __cbs_ok=0\n");
        if (stopsAfterFailure(name, onFailure)) {
            out.append("    __cbs_stop=1\n    __cbs_up=0\n");
        }
        out.append("    break\n  done\nfi\n");
    }

    private static void appendBlock(StringBuilder out, String runner, List<CommandRef> commands) {
        boolean first = true;
        for (CommandRef c : commands) {
            String call = (runner.equals(STATEFUL) && mayUnset(c.text()) ? STATEFUL_UNSET : runner)
                    + c.id() + " " + ShellQuote.quote(c.text());
            if (first) {
                out.append("    ").append(call).append('\n');
            } else {
                out.append("    if [ \"$__cbs_bf\" = 0 ]; then ").append(call).append("; fi\n");
            }
            first = false;
        }
    }

    private static void appendRetryFunction(StringBuilder out, PhaseName name, OnFailure onFailure, CommandIndex index) {
        List<CommandRef> commands = new java.util.ArrayList<>(index.of(name, false));
        commands.addAll(index.of(name, true));
        List<String> patterns = RetryCondition.casePatterns(onFailure, commands);
        out.append("__cbs_retry_").append(name).append("() {\n");
        if (!patterns.isEmpty()) {
            out.append("  case \"$__cbs_fid:$__cbs_frc\" in\n    ")
                    .append(String.join("|", patterns)).append(") return 0 ;;\n  esac\n");
        }
        out.append("  return 1\n}\n");
    }

    /**
     * CodeBuild's transitions: a failed INSTALL or PRE_BUILD ends the build, a failed BUILD still
     * runs POST_BUILD, a failed POST_BUILD still uploads. ABORT always ends it, CONTINUE never.
     */
    static boolean stopsAfterFailure(PhaseName name, Optional<OnFailure> onFailure) {
        OnFailure.Mode mode = onFailure.map(OnFailure::mode).orElse(null);
        if (mode == OnFailure.Mode.ABORT) {
            return true;
        }
        if (mode == OnFailure.Mode.CONTINUE) {
            return false;
        }
        // No on-failure, or RETRY with its retries used up: the default transitions.
        return name == PhaseName.INSTALL || name == PhaseName.PRE_BUILD;
    }

    private static String runner(Buildspec spec, Optional<String> user) {
        if (spec.isLegacyVersion()) {
            return "__cbs_cmd1 ";
        }
        return user.map(u -> "__cbs_cmd_as " + ShellQuote.quote(u) + " ").orElse(STATEFUL);
    }

    /** A plain search first: a regex per command made driver generation 3.6x slower (bench P5). */
    private static boolean mayUnset(String command) {
        return command.contains("unset") && UNSET.matcher(command).find();
    }

    private static boolean isRoot(String user) {
        return user.equals("root") || user.equals("0");
    }

    private static String loadPrelude() {
        try (InputStream in = DriverScript.class.getResourceAsStream("prelude.sh")) {
            if (in == null) {
                throw new IllegalStateException("prelude.sh missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
