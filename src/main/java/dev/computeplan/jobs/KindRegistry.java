package dev.computeplan.jobs;

import dev.computeplan.common.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link ProblemKind} bean, by name. */
@Component
public class KindRegistry {

    private final Map<String, ProblemKind<?, ?>> kinds = new TreeMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public KindRegistry(ObjectProvider<ProblemKind<?, ?>> provider) {
        this(provider.orderedStream().toList());
    }

    public KindRegistry(List<ProblemKind<?, ?>> kinds) {
        for (ProblemKind<?, ?> kind : kinds) {
            if (this.kinds.put(kind.name(), kind) != null) {
                throw new IllegalStateException("Two problem kinds are named " + kind.name());
            }
        }
    }

    public Optional<ProblemKind<?, ?>> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public ProblemKind<?, ?> get(String name) {
        return find(name)
                .orElseThrow(
                        () -> new NotFoundException("No problem kind '" + name + "'. Known kinds: " + kinds.keySet()));
    }

    public Collection<ProblemKind<?, ?>> all() {
        return kinds.values();
    }
}
