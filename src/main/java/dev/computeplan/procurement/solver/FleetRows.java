package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.Sku;
import java.util.List;

/** Constraint families of the fleet: installed servers, retirement of existing ones, busy accelerators. */
final class FleetRows extends ModelPart {

    FleetRows(ModelPart model) {
        super(model);
    }

    void add() {
        fleetBalance();
        retirement();
        busyAccelerators();
        servedFromSites();
    }

    // fleet[k,s,q]: srv[k,s,q] = sum_{q' in (q-L_k, q]} buy[k,s,q'] + lease[k,s,q] + sum_{e of SKU k in s} keep[s,e,q]
    private void fleetBalance() {
        for (int k = 0; k < nk; k++) {
            int life = p.catalogue().get(k).usefulLifeQuarters();
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    if (srv[k][s][q] < 0) {
                        continue;
                    }
                    var row =
                            lp.row("fleet[" + k + "," + s + "," + q + "]", null).add(srv[k][s][q], 1);
                    for (int q2 = Math.max(0, q - life + 1); q2 <= q; q2++) {
                        row.add(buy[k][s][q2], -1);
                    }
                    row.add(lease[k][s][q], -1);
                    List<ExistingServers> fleet = p.sites().get(s).existingFleet();
                    for (int e = 0; e < fleet.size(); e++) {
                        if (fleet.get(e).sku().equals(p.catalogue().get(k).name())) {
                            row.add(keep[s][e][q], -1);
                        }
                    }
                    row.equalTo(0);
                }
            }
        }
    }

    // retire[s,e,q]: keep[s,e,q] <= keep[s,e,q-1] (q >= 1), and keep[s,e,0] <= servers_e by its bound
    private void retirement() {
        for (int s = 0; s < ns; s++) {
            for (int e = 0; e < keep[s].length; e++) {
                for (int q = 1; q < nq; q++) {
                    lp.row("retire[" + s + "," + e + "," + q + "]", null)
                            .add(keep[s][e][q], 1)
                            .add(keep[s][e][q - 1], -1)
                            .atMost(0);
                }
            }
        }
    }

    // busy[k,s,q]: use[k,s,q] <= n_k * srv[k,s,q]
    private void busyAccelerators() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < nq; q++) {
                    if (use[k][s][q] >= 0) {
                        lp.row("busy[" + k + "," + s + "," + q + "]", null)
                                .add(use[k][s][q], 1)
                                .add(srv[k][s][q], -sku.acceleratorsPerServer())
                                .unit(
                                        "accelerator of " + sku.name() + " in "
                                                + p.sites().get(s).name() + " in " + p.quarterLabel(q),
                                        1)
                                .atMost(0);
                    }
                }
            }
        }
    }

    // serve[k,q]: sum_w own[w,k,q] = sum_s use[k,s,q]  (workloads may run in any site)
    private void servedFromSites() {
        for (int k = 0; k < nk; k++) {
            for (int q = 0; q < nq; q++) {
                var row = lp.row("serve[" + k + "," + q + "]", null);
                for (int w = 0; w < nw; w++) {
                    row.add(own[w][k][q], 1);
                }
                for (int s = 0; s < ns; s++) {
                    row.add(use[k][s][q], -1);
                }
                if (!row.isEmpty()) {
                    row.equalTo(0);
                }
            }
        }
    }
}
