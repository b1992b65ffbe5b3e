#!/usr/bin/env python3
"""ROADEF/EURO 2012 machine reassignment: feasibility and cost of a solution.

Written straight from the challenge's rules (../shared/data/README.md) and sharing no code with the Java scorer,
so that a benchmark answer is checked by a second, independent implementation. Prints "feasible COST" and the
five parts of the cost (exit 0), or "infeasible" and the first violations (exit 1).

usage: benchmarks/roadef_check.py MODEL ASSIGNMENT SOLUTION
"""
import sys


def read_ints(path):
    with open(path) as f:
        return [int(x) for x in f.read().split()]


class Reader:
    def __init__(self, values):
        self.values = values
        self.pos = 0

    def next(self):
        self.pos += 1
        return self.values[self.pos - 1]

    def many(self, n):
        return [self.next() for _ in range(n)]


def read_model(path):
    r = Reader(read_ints(path))
    m = {}
    n_res = r.next()
    m['transient'], m['load_weight'] = [], []
    for _ in range(n_res):
        m['transient'].append(r.next() == 1)
        m['load_weight'].append(r.next())
    n_mach = r.next()
    m['neighborhood'], m['location'], m['capacity'], m['safety'], m['move_cost'] = [], [], [], [], []
    for _ in range(n_mach):
        m['neighborhood'].append(r.next())
        m['location'].append(r.next())
        m['capacity'].append(r.many(n_res))
        m['safety'].append(r.many(n_res))
        m['move_cost'].append(r.many(n_mach))
    n_serv = r.next()
    m['spread'], m['depends'] = [], []
    for _ in range(n_serv):
        m['spread'].append(r.next())
        m['depends'].append(r.many(r.next()))
    n_proc = r.next()
    m['service'], m['requirement'], m['process_move_cost'] = [], [], []
    for _ in range(n_proc):
        m['service'].append(r.next())
        m['requirement'].append(r.many(n_res))
        m['process_move_cost'].append(r.next())
    m['balances'] = []
    for _ in range(r.next()):
        r1, r2, target = r.many(3)
        m['balances'].append((r1, r2, target, r.next()))
    m['w_process'], m['w_service'], m['w_machine'] = r.many(3)
    if r.pos != len(r.values):
        raise ValueError(f'{path}: {len(r.values) - r.pos} values left over')
    return m


def check(m, initial, current):
    machines = range(len(m['capacity']))
    resources = range(len(m['transient']))
    processes = range(len(m['service']))
    if len(initial) != len(processes) or len(current) != len(processes):
        raise ValueError('an assignment must name one machine per process')
    # checked first: Python would silently read machine -1 as the last one
    unknown = [p for p in processes if current[p] not in machines or initial[p] not in machines]
    if unknown:
        return [f'machine: process {p} on {current[p]}, initially {initial[p]}, not a machine of the model'
                for p in unknown], {}
    usage = [[0] * len(resources) for _ in machines]
    moved_out = [[0] * len(resources) for _ in machines]
    for p in processes:
        for r in resources:
            usage[current[p]][r] += m['requirement'][p][r]
            if current[p] != initial[p]:
                moved_out[initial[p]][r] += m['requirement'][p][r]
    violations = []
    for i in machines:
        for r in resources:
            if usage[i][r] > m['capacity'][i][r]:
                violations.append(f'capacity: machine {i} resource {r}')
            if m['transient'][r] and usage[i][r] + moved_out[i][r] > m['capacity'][i][r]:
                violations.append(f'transient: machine {i} resource {r}')
    host = {}
    locations = {}
    neighborhoods = {}
    for p in processes:
        s, i = m['service'][p], current[p]
        if (s, i) in host:
            violations.append(f'conflict: processes {host[(s, i)]} and {p} of service {s} on machine {i}')
        host[(s, i)] = p
        locations.setdefault(s, set()).add(m['location'][i])
        neighborhoods.setdefault(s, set()).add(m['neighborhood'][i])
    for s, spread in enumerate(m['spread']):
        if len(locations.get(s, ())) < spread:
            violations.append(f'spread: service {s} in {len(locations.get(s, ()))} locations, needs {spread}')
        for t in m['depends'][s]:
            for n in neighborhoods.get(s, ()) - neighborhoods.get(t, set()):
                violations.append(f'dependency: service {s} in neighborhood {n} without service {t}')

    load = sum(m['load_weight'][r] * max(0, usage[i][r] - m['safety'][i][r]) for i in machines for r in resources)
    balance = sum(weight * max(0, target * (m['capacity'][i][r1] - usage[i][r1])
                               - (m['capacity'][i][r2] - usage[i][r2]))
                  for (r1, r2, target, weight) in m['balances'] for i in machines)
    moved = [p for p in processes if current[p] != initial[p]]
    process_move = m['w_process'] * sum(m['process_move_cost'][p] for p in moved)
    per_service = {}
    for p in moved:
        per_service[m['service'][p]] = per_service.get(m['service'][p], 0) + 1
    service_move = m['w_service'] * max(per_service.values(), default=0)
    machine_move = m['w_machine'] * sum(m['move_cost'][initial[p]][current[p]] for p in processes)
    parts = {'load': load, 'balance': balance, 'process move': process_move, 'service move': service_move,
             'machine move': machine_move}
    return violations, parts


def main(model_path, assignment_path, solution_path):
    m = read_model(model_path)
    violations, parts = check(m, read_ints(assignment_path), read_ints(solution_path))
    if violations:
        print(f'infeasible: {len(violations)} violations')
        for v in violations[:10]:
            print(v)
        return 1
    print('feasible', sum(parts.values()))
    print(', '.join(f'{k} {v}' for k, v in parts.items()))
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: roadef_check.py MODEL ASSIGNMENT SOLUTION')
    sys.exit(main(*sys.argv[1:]))
