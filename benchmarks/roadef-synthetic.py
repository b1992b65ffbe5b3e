#!/usr/bin/env python3
"""Writes a synthetic ROADEF 2012 instance of challenge-B size (default 50,000 processes, 5,000 machines,
12 resources, 3 of them transient) to check load time, memory and time to first move of the solve path:

  python3 benchmarks/roadef-synthetic.py /tmp/big        # writes /tmp/big/model_big.txt, assignment_big.txt
  java -cp target/classes:$(cat target/cp.txt) dev.computeplan.roadef.RoadefMain score \
       --model /tmp/big/model_big.txt --assignment /tmp/big/assignment_big.txt --solution /tmp/big/assignment_big.txt

Not a benchmark of solution quality (there is no best known value): the initial assignment is feasible by
construction (10 processes per service on 10 machines 500 apart, same neighborhood for dependencies).
"""
import os
import random
import sys

out_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/roadef-synthetic"
R, M, S, P, N, L = 12, 5000, 5000, 50000, 5, 25
random.seed(1)
os.makedirs(out_dir, exist_ok=True)
lines = [str(R)]
lines += ["%d 10" % (1 if r < 3 else 0) for r in range(R)]
lines.append(str(M))
for m in range(M):
    cap = " ".join(str(random.randint(900000, 1100000)) for _ in range(R))
    safe = " ".join(["70000"] * R)  # about the mean load of 10 processes: load cost to remove
    moves = " ".join("0" if j == m else str(1 + (m + j) % 3) for j in range(M))
    lines.append("%d %d %s %s %s" % (m % N, m % L, cap, safe, moves))
lines.append(str(S))
# every tenth service depends on the service 5 further on, which shares its neighborhood (s % 5)
lines += ["1 1 %d" % ((s + 5) % S) if s % 10 == 0 else "1 0" for s in range(S)]
lines.append(str(P))
for p in range(P):
    lines.append("%d %s %d" % (p % S, " ".join(str(random.randint(1, 15000)) for _ in range(R)), random.randint(0, 100)))
lines += ["1", "0 1 2", "1", "1 10 100"]
with open(os.path.join(out_dir, "model_big.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
# process p of service p % S goes to machine (p % S + (p // S) * 500) % M: one per machine per service
with open(os.path.join(out_dir, "assignment_big.txt"), "w") as f:
    f.write(" ".join(str((p % S + (p // S) * 500) % M) for p in range(P)) + "\n")
