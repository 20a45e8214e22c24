package org.qinglian.platform.api;

/** A dictionary (数据字典): a named list of codes such as {@code rank} or {@code gender}. */
public class DictionaryDto {

    private String code;
    private String nameZh;
    private String nameEn;

    public DictionaryDto() {
    }

    public DictionaryDto(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
}
