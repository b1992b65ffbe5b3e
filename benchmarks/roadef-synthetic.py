#!/usr/bin/env python3
"""Writes synthetic ROADEF/EURO 2012 instances of the shapes of the challenge's larger set B, with a valid lower
bound of each one's cost, for benchmarks/roadef-large.sh (never for tuning on the challenge's own set B).

  python3 benchmarks/roadef-synthetic.py OUT_DIR [SHAPE ...]    # default: every shape below
  python3 benchmarks/roadef-synthetic.py --list

Per shape X: OUT_DIR/model_X.txt, assignment_X.txt (a feasible initial assignment) and bound_X.txt (the bound,
then its parts). Like the challenge's generator: a few machine classes, capacities and safety capacities per
class, some transient resources, load cost weights per resource, balance objectives, locations, neighborhoods and
a machine move cost matrix, services that are mostly singletons plus larger ones with spreadMin and dependencies,
and an initial assignment that is feasible but unbalanced (machines filled unevenly, some above safety).

The bound (valid for every feasible assignment, the optimum included):
- load cost, per resource r: sum over machines of max(0, U(m,r) - SC(m,r)) >= max(0, U(r) - sum SC(m,r)) where
  U(r) is the total requirement (every process uses r on its final machine; transient usage adds capacity use
  but no load cost);
- balance cost, per objective: sum over machines of max(0, t A(m,r1) - A(m,r2)) >= max(0, t A(r1) - A(r2)) with
  A(r) = total capacity - U(r), fixed whatever the assignment;
- move costs: 0 (staying put is feasible).
"""
import math
import os
import random
import sys

# name: machines, processes, resources, services, transient resources, balance objectives, locations,
# neighborhoods, load (total requirement / total capacity)
SHAPES = {
    "s100x5k_r12": (100, 5_000, 12, 2_500, 2, 2, 10, 5, 0.78),
    "s100x20k_r6": (100, 20_000, 6, 15_000, 1, 1, 10, 5, 0.78),
    "s100x40k_r6": (100, 40_000, 6, 35_000, 1, 1, 10, 5, 0.78),
    "s100x50k_r3": (100, 50_000, 3, 45_000, 1, 1, 10, 5, 0.78),
    "s500x20k_r6": (500, 20_000, 6, 1_700, 1, 1, 25, 5, 0.78),
    "s200x40k_r6": (200, 40_000, 6, 14_700, 1, 2, 20, 5, 0.78),
    "s1000x50k_r3": (1_000, 50_000, 3, 4_600, 1, 1, 25, 5, 0.78),
}


def clip(x, limit=2.0):
    return max(-limit, min(limit, x))


def service_sizes(rng, processes, services, machines):
    """All services of one process, then the rest spread over a tenth of them (at most half the machines each)."""
    sizes = [1] * services
    big = rng.sample(range(services), max(1, services // 10))
    cap = max(2, machines // 2)
    left = processes - services
    while left > 0:
        s = rng.choice(big)
        if sizes[s] < cap:
            sizes[s] += 1
            left -= 1
    return sizes


def generate(name, seed):
    M, P, R, S, T, B, L, N, load = SHAPES[name]
    rng = random.Random(seed)
    transient = [r < T for r in range(R)]
    weights = [rng.choice((1, 3, 10, 30)) for _ in range(R)]
    # machine classes: capacity scale per class, then per resource
    classes = [rng.uniform(0.6, 1.6) for _ in range(4)]
    base = [rng.randint(500_000, 2_000_000) for _ in range(R)]
    location = [m % L for m in range(M)]
    neighborhood = [(m // max(1, M // N)) % N for m in range(M)]
    cap, safe = [], []
    for m in range(M):
        c = classes[m % len(classes)]
        row = [int(base[r] * c * rng.uniform(0.9, 1.1)) for r in range(R)]
        cap.append(row)
        safe.append([int(x * rng.uniform(0.6, 0.8)) for x in row])
    sizes = service_sizes(rng, P, S, M)
    service_of = [s for s in range(S) for _ in range(sizes[s])]
    rng.shuffle(service_of)
    # requirements: log-normal per process, correlated across resources, scaled to the target load
    raw = []
    for _ in range(P):
        size = math.exp(0.7 * clip(rng.gauss(0, 1)))
        raw.append([size * math.exp(0.5 * clip(rng.gauss(0, 1))) if rng.random() > 0.05 else 0.0 for _ in range(R)])
    req = [[0] * R for _ in range(P)]
    for r in range(R):
        total = sum(raw[p][r] for p in range(P)) or 1.0
        scale = load * sum(cap[m][r] for m in range(M)) / total
        for p in range(P):
            req[p][r] = int(raw[p][r] * scale)
    # spreadMin and hubs (a hub has a process in every neighborhood; services depend only on hubs)
    spread = [0] * S
    members = [[] for _ in range(S)]
    for p, s in enumerate(service_of):
        members[s].append(p)
    multi = [s for s in range(S) if sizes[s] >= 2]
    for s in multi:
        spread[s] = rng.randint(1, min(3, sizes[s], L))
    hubs = [s for s in multi if sizes[s] >= N][:3]
    depends = [[] for _ in range(S)]
    for s in range(S):
        if hubs and rng.random() < 0.05:
            h = rng.choice(hubs)
            if h != s:
                depends[s].append(h)
    assignment = place(rng, M, P, R, cap, req, service_of, members, spread, hubs, location, neighborhood, N)
    balances = []
    for _ in range(B):
        r1, r2 = rng.sample(range(R), 2)
        balances.append((r1, r2, rng.randint(1, 3), rng.choice((1, 10))))
    move_weights = (1, 10, 100)
    process_move = [rng.randint(1, 100) for _ in range(P)]
    return dict(M=M, P=P, R=R, S=S, transient=transient, weights=weights, cap=cap, safe=safe, location=location,
                neighborhood=neighborhood, spread=spread, depends=depends, service_of=service_of, req=req,
                process_move=process_move, balances=balances, move_weights=move_weights, assignment=assignment)


def place(rng, M, P, R, cap, req, service_of, members, spread, hubs, location, neighborhood, N):
    """Constrained ones first, then largest first; each process on the fuller of two random fitting machines (an unbalanced start), keeping
    capacity, conflict, spreadMin (the first spreadMin processes of a service in distinct locations) and hubs (the
    first N processes of a hub one per neighborhood)."""
    used = [[0] * R for _ in range(M)]
    on = [set() for _ in range(M)]  # services on each machine
    assignment = [-1] * P
    rank = {}
    for s, ps in enumerate(members):
        for i, p in enumerate(ps):
            rank[p] = i
    locations_of = {}
    hub_set = set(hubs)

    def constrained(p):
        s = service_of[p]
        return rank[p] < spread[s] or (s in hub_set and rank[p] < N)

    # processes with a location or neighborhood to respect first, then largest first
    order = sorted(range(P), key=lambda p: (not constrained(p), -sum(req[p])))

    def fits(p, m):
        s = service_of[p]
        if s in on[m]:
            return False
        i = rank[p]
        if s in hub_set and i < N and neighborhood[m] != i:
            return False
        if i < spread[s] and location[m] in locations_of.get(s, ()):
            return False
        return all(used[m][r] + req[p][r] <= cap[m][r] for r in range(R))

    for p in order:
        chosen = []
        for _ in range(40):
            m = rng.randrange(M)
            if fits(p, m):
                chosen.append(m)
                if len(chosen) == 2:
                    break
        if not chosen:
            chosen = [m for m in range(M) if fits(p, m)][:1]
        if not chosen:
            cap_ok = sum(all(used[m][r] + req[p][r] <= cap[m][r] for r in range(R)) for m in range(M))
            raise SystemExit("no machine fits process %d (service size %d, rank %d, capacity fits %d, placed %d)" % (p, len(members[service_of[p]]), rank[p], cap_ok, sum(a >= 0 for a in assignment)))
        m = max(chosen, key=lambda x: sum(used[x][r] / cap[x][r] for r in range(R)))
        assignment[p] = m
        for r in range(R):
            used[m][r] += req[p][r]
        s = service_of[p]
        on[m].add(s)
        locations_of.setdefault(s, set()).add(location[m])
    return assignment


def bound(inst):
    M, R = inst["M"], inst["R"]
    load = []
    for r in range(R):
        total = sum(p[r] for p in inst["req"])
        load.append(inst["weights"][r] * max(0, total - sum(inst["safe"][m][r] for m in range(M))))
    balance = []
    for r1, r2, target, weight in inst["balances"]:
        free1 = sum(inst["cap"][m][r1] for m in range(M)) - sum(p[r1] for p in inst["req"])
        free2 = sum(inst["cap"][m][r2] for m in range(M)) - sum(p[r2] for p in inst["req"])
        balance.append(weight * max(0, target * free1 - free2))
    return load, balance


def write(inst, out_dir, name):
    M, R, S = inst["M"], inst["R"], inst["S"]
    lines = [str(R)]
    lines += ["%d %d" % (1 if inst["transient"][r] else 0, inst["weights"][r]) for r in range(R)]
    lines.append(str(M))
    loc = inst["location"]
    for m in range(M):
        moves = " ".join("0" if j == m else str(1 + (loc[m] * 7 + loc[j] * 3) % 10) for j in range(M))
        lines.append("%d %d %s %s %s" % (inst["neighborhood"][m], loc[m], " ".join(map(str, inst["cap"][m])),
                                         " ".join(map(str, inst["safe"][m])), moves))
    lines.append(str(S))
    for s in range(S):
        lines.append(" ".join(map(str, [inst["spread"][s], len(inst["depends"][s])] + inst["depends"][s])))
    lines.append(str(inst["P"]))
    for p in range(inst["P"]):
        lines.append("%d %s %d" % (inst["service_of"][p], " ".join(map(str, inst["req"][p])), inst["process_move"][p]))
    lines.append(str(len(inst["balances"])))
    for r1, r2, target, weight in inst["balances"]:
        lines += ["%d %d %d" % (r1, r2, target), str(weight)]
    lines.append(" ".join(map(str, inst["move_weights"])))
    with open(os.path.join(out_dir, "model_%s.txt" % name), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out_dir, "assignment_%s.txt" % name), "w") as f:
        f.write(" ".join(map(str, inst["assignment"])) + "\n")
    load, balance = bound(inst)
    with open(os.path.join(out_dir, "bound_%s.txt" % name), "w") as f:
        f.write("%d\nload %s\nbalance %s\n" % (sum(load) + sum(balance), load, balance))


def main(argv):
    if argv[1:2] == ["--list"]:
        print("\n".join(SHAPES))
        return
    out_dir = argv[1] if len(argv) > 1 else "/tmp/roadef-synthetic"
    names = argv[2:] or list(SHAPES)
    os.makedirs(out_dir, exist_ok=True)
    for i, name in enumerate(names):
        write(generate(name, 1000 + list(SHAPES).index(name)), out_dir, name)
        print("wrote", name)


if __name__ == "__main__":
    main(sys.argv)
