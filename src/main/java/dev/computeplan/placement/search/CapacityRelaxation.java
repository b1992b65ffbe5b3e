package dev.computeplan.placement.search;

/**
 * Strategic oscillation on capacity. A tightly packed cluster leaves few feasible moves, so the walk is cut into
 * pockets that only a chain of moves through an overfull node joins. With relaxation a move may overfill node or transient capacity; each unit of that hard penalty costs
 * {@link #price} soft units in the acceptance test (other hard rules and the medium level stay strict). The price
 * adapts every {@link #WINDOW} scored moves: up when more than the target share of them ended overfull, down
 * otherwise; the target falls from {@link #TARGET} to 0 at {@link #STRICT_FROM} of the phase, so the walk ends
 * feasible. The best answer is judged by the true score, so it is always one that keeps capacity. Only a
 * solve's first phase relaxes: a relaxed walk from an already good answer wanders off and rarely comes back
 * below it, while a strict one polishes it.
 */
final class CapacityRelaxation {
    static final int WINDOW = 1_000;
    static final double TARGET = 0.1;
    static final double STRICT_FROM = 0.9;
    static final double STEP = 1.1;
    static final double MIN_PRICE = 0.01;
    static final double MAX_PRICE = 1e12;
    double price;
    /** Capacity penalty of the current solution. */
    long penalty;
    /** Scored moves after which the current solution was overfull, in all. */
    long overfullMoves;

    private int moves;
    private int overfull;

    CapacityRelaxation(double price) {
        this.price = price;
    }

    /** Called once per scored move, after its acceptance, with the share of the phase spent. */
    void observe(double spent) {
        moves++;
        if (penalty > 0) {
            overfull++;
            overfullMoves++;
        }
        if (moves == WINDOW) {
            double target = spent >= STRICT_FROM ? 0.0 : TARGET * (1.0 - spent / STRICT_FROM);
            price = overfull > target * WINDOW ? Math.min(MAX_PRICE, price * STEP) : Math.max(MIN_PRICE, price / STEP);
            moves = 0;
            overfull = 0;
        }
    }
}
