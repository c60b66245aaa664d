-- Clientele store, version 9: revenue per month and service, kept by triggers so the
-- charts read a few hundred rows instead of every completed booking (docs/rules.md §3, §10).
-- `month` is the booking date's `YYYY-MM` (booking dates are already local dates).
CREATE TABLE revenue_by_month (
    month          TEXT NOT NULL,
    service_title  TEXT NOT NULL,
    revenue        INTEGER NOT NULL,
    bookings       INTEGER NOT NULL,
    PRIMARY KEY (month, service_title)
) STRICT, WITHOUT ROWID;

INSERT INTO revenue_by_month (month, service_title, revenue, bookings)
    SELECT substr(booking_date, 1, 7), service_title, sum(total_amount), count(*)
      FROM bookings WHERE removed = 0 AND status = 'completed'
     GROUP BY 1, 2;

CREATE TRIGGER revenue_ai AFTER INSERT ON bookings
WHEN new.removed = 0 AND new.status = 'completed' BEGIN
    INSERT INTO revenue_by_month (month, service_title, revenue, bookings)
    VALUES (substr(new.booking_date, 1, 7), new.service_title, new.total_amount, 1)
    ON CONFLICT (month, service_title) DO UPDATE SET
        revenue = revenue + excluded.revenue, bookings = bookings + 1;
END;

CREATE TRIGGER revenue_ad AFTER DELETE ON bookings
WHEN old.removed = 0 AND old.status = 'completed' BEGIN
    UPDATE revenue_by_month SET revenue = revenue - old.total_amount, bookings = bookings - 1
     WHERE month = substr(old.booking_date, 1, 7) AND service_title = old.service_title;
END;

CREATE TRIGGER revenue_au AFTER UPDATE OF status, removed, total_amount, booking_date, service_title ON bookings
WHEN (old.removed = 0 AND old.status = 'completed') OR (new.removed = 0 AND new.status = 'completed') BEGIN
    UPDATE revenue_by_month SET revenue = revenue - old.total_amount, bookings = bookings - 1
     WHERE old.removed = 0 AND old.status = 'completed'
       AND month = substr(old.booking_date, 1, 7) AND service_title = old.service_title;
    INSERT INTO revenue_by_month (month, service_title, revenue, bookings)
    SELECT substr(new.booking_date, 1, 7), new.service_title, new.total_amount, 1
     WHERE new.removed = 0 AND new.status = 'completed'
    ON CONFLICT (month, service_title) DO UPDATE SET
        revenue = revenue + excluded.revenue, bookings = bookings + 1;
END;
