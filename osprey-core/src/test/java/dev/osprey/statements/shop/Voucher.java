package dev.osprey.statements.shop;

import dev.osprey.annotation.Column;
import dev.osprey.annotation.Id;
import dev.osprey.annotation.Table;

/** A gift voucher: made only through its factory method, so its no-arg constructor is private. */
@Table("st_vouchers")
public class Voucher {
    @Id public String code;
    public int cents;
    @Column(nullable = true) public Long redeemedBy;

    private Voucher() {
    }

    public static Voucher of(String code, int cents) {
        Voucher voucher = new Voucher();
        voucher.code = code;
        voucher.cents = cents;
        return voucher;
    }
}
