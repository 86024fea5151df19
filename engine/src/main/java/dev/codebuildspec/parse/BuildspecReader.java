package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.CacheSpec;
import dev.codebuildspec.buildspec.EnvSection;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import dev.codebuildspec.buildspec.ProxySpec;
import dev.codebuildspec.buildspec.ReportGroup;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the document root: version first (it decides what else is allowed), then every section. */
final class BuildspecReader {
    private static final Set<String> KEYS = Set.of("version", "run-as", "env", "environment_variables", "proxy",
            "batch", "phases", "reports", "artifacts", "cache");
    private static final Set<String> VERSION_02_KEYS = Set.of("run-as", "reports", "batch");
    private static final String CONTAINER_TAGS = "wrong number of container tags, expected 1";

    private final NodeReader reader;
    private final String sourceName;

    BuildspecReader(NodeReader reader, String sourceName) {
        this.reader = reader;
        this.sourceName = sourceName;
    }

    /** Returns a model whenever the shape allowed building one; the caller drops it if there were errors. */
    Optional<Buildspec> read(Node root) {
        if (root == null) {
            reader.error(new Position(1, 1), CONTAINER_TAGS + ": the buildspec is empty");
            return Optional.empty();
        }
        if (!(root instanceof MappingNode m)) {
            reader.error(Nodes.position(root), CONTAINER_TAGS + ": the buildspec must be a mapping of keys "
                    + "(version, phases, ...), found " + Nodes.describe(root));
            return Optional.empty();
        }
        Fields top = reader.fields(m, "", Nodes.position(root));
        top.warnUnknown(KEYS, reader.diagnostics());
        String version = version(top);
        for (String key : VERSION_02_KEYS) {
            top.get(key).ifPresent(reader::requireVersion02);
        }

        Optional<String> runAs = top.get("run-as").flatMap(reader::nonEmptyScalar).map(Text::value);
        EnvSection env = new EnvReader(reader).read(top.get("env"), top.get("environment_variables"));
        Optional<Field> phasesField = top.get("phases");
        if (phasesField.isEmpty()) {
            // CodeBuild runs these: batch buildspecs whose tasks each name their own, and release buildspecs with only env
            // and artifacts. The documentation's requirement is kept as a warning.
            reader.warning(top.position(), "phases is missing: this buildspec runs no commands of its own (CodeBuild "
                    + "runs it so; its documentation asks for a phases section)");
        }
        Map<PhaseName, Phase> phases = phasesField.map(new PhaseReader(reader)::read).orElse(Map.of());
        Optional<ArtifactsSpec> artifacts = top.get("artifacts").flatMap(new ArtifactsReader(reader)::read);
        Map<String, ReportGroup> reports = top.get("reports").map(new ReportsReader(reader)::read).orElse(Map.of());
        Optional<CacheSpec> cache = top.get("cache").flatMap(new CacheReader(reader)::read);
        int beforeBatch = reader.diagnostics().size();
        Optional<BatchSpec> batch = top.get("batch").flatMap(new BatchReader(reader)::read);
        reader.diagnostics().markBatch(beforeBatch);
        Optional<ProxySpec> proxy = top.get("proxy").flatMap(new ProxyReader(reader)::read);
        return Optional.of(new Buildspec(version, sourceName, runAs, env, phases, artifacts, reports, cache, batch,
                proxy));
    }

    private String version(Fields top) {
        Optional<Field> f = top.get("version");
        if (f.isEmpty()) {
            reader.error(top.position(), "version is missing; a buildspec must say version: 0.2 (or 0.1)");
            return "0.2";
        }
        Optional<Text> t = reader.scalar(f.get());
        if (t.isEmpty()) {
            return "0.2";
        }
        String v = t.get().value().trim();
        if (!v.equals("0.1") && !v.equals("0.2")) {
            reader.error(t.get().position(), "version must be 0.1 or 0.2, found "
                    + (v.isEmpty() ? "no value" : Nodes.quote(v)));
            return "0.2"; // check the rest against the current rules
        }
        reader.setLegacyVersion(v.equals("0.1"));
        return v;
    }
}
