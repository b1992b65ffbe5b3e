package dev.computeplan.placement.domain;

import ai.timefold.solver.core.impl.domain.valuerange.AbstractCountableValueRange;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * The nodes as the value range of {@link Workload#getNode()}, hashed and compared by identity. Timefold checks every
 * workload's value against its range when a phase starts, hashing and comparing the range each time; a list-backed
 * range hashes all nodes every time, which is slow on large clusters. (Timefold wraps ranges in a class that
 * requires its abstract base, hence the dependency on that impl class.)
 */
public final class NodeRange extends AbstractCountableValueRange<Node> {

    private final List<Node> nodes;
    private final Set<Node> members;

    public NodeRange(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
        this.members = Collections.newSetFromMap(new java.util.IdentityHashMap<>(nodes.size() * 2));
        this.members.addAll(nodes);
    }

    @Override
    public long getSize() {
        return nodes.size();
    }

    @Override
    public Node get(long index) {
        return nodes.get((int) index);
    }

    @Override
    public Iterator<Node> createOriginalIterator() {
        return nodes.iterator();
    }

    @Override
    public boolean contains(Node node) {
        return node != null && members.contains(node);
    }

    @Override
    public Iterator<Node> createRandomIterator(Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !nodes.isEmpty();
            }

            @Override
            public Node next() {
                if (nodes.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return nodes.get(random.nextInt(nodes.size()));
            }
        };
    }

    @Override
    public String toString() {
        return "NodeRange(" + nodes.size() + " nodes)";
    }
}
