package io.jenkins.plugins.codebuildspec.host;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import hudson.AbortException;
import io.jenkins.plugins.codebuildspec.credentials.AllowedSecrets;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;

/**
 * The options of one buildspec build, the same for the freestyle builder and the Pipeline step, as the step's
 * setters normalised and checked them (blank is null, the timeout within the engine's bounds).
 * Serializable and free of secret values: credentials are named by ID only.
 */
public final class BuildSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    final String buildspec;
    final String inline;
    final String image;
    final String toolName;
    final String registryUrl;
    final String registryCredentialsId;
    /**
     * The bindings as structs' serializable description: a binding itself need not be serializable, and the
     * Pipeline step's state must be. Made into bindings again where they are used ({@link #credentials()}).
     */
    private final ArrayList<UninstantiatedDescribable> credentialForms = new ArrayList<>();
    private transient List<MultiBinding<?>> credentials;
    final Map<String, String> env;
    final int timeoutMinutes;
    final boolean privileged;
    final boolean runAsRoot;
    /** A runtimes file in the workspace for runtime-versions; null: the global one, else the image's. */
    final String runtimes;
    /** Run the phases where the step already runs (its launcher), without starting a container. */
    final boolean noContainer;
    /** Run the buildspec's batch section, as {@code run --batch} does. */
    final boolean batch;
    /** With {@link #batch}: at most this many children at once; null: the agent's cores. */
    final Integer parallel;
    /** The credentials the buildspec's secret references may read (IDs and patterns, as written); null: none. */
    final String buildspecSecrets;

    @SuppressWarnings("rawtypes")
    public BuildSettings(String buildspec, String inline, String image, String toolName, String registryUrl,
            String registryCredentialsId, List<? extends MultiBinding> credentials, Map<String, String> env,
            int timeoutMinutes, boolean privileged, boolean runAsRoot, String runtimes, boolean noContainer,
            boolean batch, Integer parallel, String buildspecSecrets) {
        this.buildspec = buildspec;
        this.inline = inline;
        this.image = image;
        this.toolName = toolName;
        this.registryUrl = registryUrl;
        this.registryCredentialsId = registryCredentialsId;
        List<MultiBinding<?>> bindings = new ArrayList<>();
        for (MultiBinding<?> b : credentials == null ? List.<MultiBinding<?>>of() : credentials) {
            bindings.add(b);
            credentialForms.add(DescribableModel.uninstantiate2_(b));
        }
        this.credentials = Collections.unmodifiableList(bindings);
        this.env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
        this.timeoutMinutes = timeoutMinutes;
        this.privileged = privileged;
        this.runAsRoot = runAsRoot;
        this.runtimes = runtimes;
        this.noContainer = noContainer;
        this.batch = batch;
        this.parallel = parallel;
        this.buildspecSecrets = buildspecSecrets;
    }

    AllowedSecrets allowedSecrets() {
        return AllowedSecrets.parse(buildspecSecrets);
    }

    /** The credential bindings, made again from their description after the settings were deserialized. */
    List<MultiBinding<?>> credentials() throws AbortException {
        if (credentials == null) {
            List<MultiBinding<?>> made = new ArrayList<>();
            for (UninstantiatedDescribable form : credentialForms) {
                try {
                    made.add(form.instantiate(MultiBinding.class));
                } catch (Exception e) {
                    throw new AbortException("credentials binding " + form + " cannot be made again: " + e.getMessage());
                }
            }
            credentials = Collections.unmodifiableList(made);
        }
        return credentials;
    }

    /**
     * The variables the bindings name ({@code variable}, {@code passwordVariable}, ...), read from their description
     * without resolving them: the reproduce line names them even when a binding could not be resolved.
     */
    List<String> boundVariables() {
        List<String> names = new ArrayList<>();
        for (UninstantiatedDescribable form : credentialForms) {
            form.getArguments().forEach((key, value) -> {
                if ((key.equals("variable") || key.endsWith("Variable")) && value instanceof String name && !name.isBlank()) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /** What the log and the record call the buildspec. */
    public String label() {
        return inline != null ? "inline buildspec" : buildspec;
    }
}
