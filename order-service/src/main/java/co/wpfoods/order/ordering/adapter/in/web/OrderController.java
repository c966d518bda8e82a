package co.wpfoods.order.ordering.adapter.in.web;

import co.wpfoods.order.catalog.application.CatalogNotFoundException;
import co.wpfoods.order.ordering.application.Orders;
import co.wpfoods.order.ordering.domain.Order;
import co.wpfoods.order.ordering.domain.OrderReference;
import co.wpfoods.order.ordering.domain.OrderStatus;
import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.security.web.PageBounds;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders for dashboards and internal teams (per restaurant), and the support queue for ops. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final int MAX_DAYS = 92;

    private final Orders orders;
    private final RestaurantScope scope;
    private final SupportQueue support;

    OrderController(Orders orders, RestaurantScope scope, SupportQueue support) {
        this.orders = orders;
        this.scope = scope;
        this.support = support;
    }

    record Line(String itemId, String name, int quantity, long unitPriceCop, List<String> modifiers, String note) {}

    record Step(String status, Instant at, String actor, String note) {}

    record OrderView(
            String id,
            String reference,
            String restaurantId,
            String status,
            String customerName,
            List<Line> lines,
            long subtotalCop,
            long deliveryFeeCop,
            long ivaCop,
            long totalCop,
            String paymentMethod,
            Long cashChangeForCop,
            String deliveryAddress,
            String notes,
            Integer preparationMinutes,
            Instant estimatedReadyAt,
            String cancelReason,
            String cancelledBy,
            Integer rating,
            Instant placedAt,
            List<Step> history) {
        static OrderView of(Order o) {
            return new OrderView(
                    o.id().value(),
                    o.reference().value(),
                    o.restaurantId().value(),
                    o.status().name(),
                    o.customer().firstName(),
                    o.lines().stream()
                            .map(l -> new Line(
                                    l.itemId(),
                                    l.name(),
                                    l.quantity(),
                                    l.unitPrice().value(),
                                    l.modifiers().stream().map(m -> m.name()).toList(),
                                    l.note()))
                            .toList(),
                    o.totals().subtotal().value(),
                    o.totals().deliveryFee().value(),
                    o.totals().iva().value(),
                    o.totals().total().value(),
                    o.paymentMethod().name(),
                    o.cashChangeFor() == null ? null : o.cashChangeFor().value(),
                    o.address() == null ? null : o.address().text(),
                    o.notes(),
                    o.preparationMinutes(),
                    o.estimatedReadyAt(),
                    o.cancellation() == null ? null : o.cancellation().reason().name(),
                    o.cancellation() == null ? null : o.cancellation().by().name(),
                    o.rating(),
                    o.placedAt(),
                    o.history().stream()
                            .map(h -> new Step(
                                    h.status().name(), h.at(), h.actor().name(), h.note()))
                            .toList());
        }
    }

    record Page<T>(int page, int size, List<T> items) {}

    @Operation(summary = "A restaurant's orders, newest first; filter by status and by Bogotá dates [from, to]")
    @GetMapping("/restaurants/{restaurantId}/orders")
    Page<OrderView> ofRestaurant(
            @PathVariable String restaurantId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        var id = scope.require(restaurantId);
        PageBounds.check(page, size);
        var zone = co.wpfoods.order.catalog.domain.OpeningHours.BOGOTA;
        LocalDate last = to == null ? LocalDate.now(zone) : to;
        LocalDate first = from == null ? last : from;
        if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new BadRequest("from must be on or before to, at most " + MAX_DAYS + " days apart");
        }
        OrderStatus wanted = null;
        if (status != null) {
            try {
                wanted = OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("unknown status " + status);
            }
        }
        var list = orders.ofRestaurant(
                id,
                wanted,
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(),
                page,
                size);
        return new Page<>(page, size, list.stream().map(OrderView::of).toList());
    }

    @Operation(summary = "One order of the restaurant with its status history")
    @GetMapping("/restaurants/{restaurantId}/orders/{reference}")
    OrderView one(@PathVariable String restaurantId, @PathVariable String reference) {
        var id = scope.require(restaurantId);
        if (!reference.matches("\\d{4,12}")) {
            throw new BadRequest("an order reference is 4 to 12 digits");
        }
        return orders.find(new OrderReference(reference))
                .filter(o -> o.restaurantId().equals(id))
                .map(OrderView::of)
                .orElseThrow(() -> new CatalogNotFoundException("No order " + reference + " in restaurant " + id));
    }

    @Operation(summary = "Open support tickets (complaints, help, data requests), oldest first")
    @GetMapping("/support")
    Page<SupportQueue.Ticket> supportQueue(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageBounds.check(page, size);
        return new Page<>(page, size, support.open(page, size));
    }

    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(CatalogNotFoundException.class)
    ProblemDetail notFound(CatalogNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "malformed parameter: " + e.getMessage());
    }
}
