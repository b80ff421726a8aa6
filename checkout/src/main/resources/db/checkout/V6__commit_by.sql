-- An order priced before its transaction may have to commit by a deadline (technique bounded:
-- while its prices are within their staleness bound). The statement that writes the order is
-- followed, in the same message, by CALL commit_by(deadline) and COMMIT: past the deadline by the
-- database's clock, after any wait the insert had, commit_by raises SQLSTATE IS001, the COMMIT is
-- skipped and the transaction rolls back.
CREATE PROCEDURE commit_by(deadline timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  IF clock_timestamp() > deadline THEN
    RAISE EXCEPTION 'past the commit deadline %', deadline USING ERRCODE = 'IS001';
  END IF;
END
$$;
