/** A customer record of the demo app (the shape of the byhy tutorial's `list_customer`). */
export interface Customer {
  id: number;
  name: string;
  phonenumber: string;
  address: string;
}

/** The demo app's fixed customer list. */
export const CUSTOMERS: readonly Customer[] = [
  { id: 1, name: '武汉市桥西医院', phonenumber: '13345679934', address: '武汉市桥西医院北路' },
  { id: 2, name: '武汉市桥北医院', phonenumber: '13345679935', address: '武汉市桥北医院南路' },
  { id: 3, name: '北京回龙观医院', phonenumber: '13345679936', address: '北京市昌平区回龙观' },
  { id: 4, name: 'Riverside Clinic', phonenumber: '15551230001', address: '12 River Road, Springfield' },
  { id: 5, name: 'Hilltop Pharmacy', phonenumber: '15551230002', address: '4 Hill Street, Springfield' },
  { id: 6, name: 'Harbour Medical Centre', phonenumber: '15551230003', address: '88 Quay Lane, Portsmouth' },
  { id: 7, name: '上海长宁医院', phonenumber: '13345679937', address: '上海市长宁区' },
  { id: 8, name: 'Northgate Dental', phonenumber: '15551230004', address: '7 North Gate, York' },
  { id: 9, name: 'Lakeside Hospital', phonenumber: '15551230005', address: '1 Lake Avenue, Geneva' },
  { id: 10, name: '广州天河诊所', phonenumber: '13345679938', address: '广州市天河区' },
  { id: 11, name: 'Old Town Pharmacy', phonenumber: '15551230006', address: '3 Market Square, Bath' },
  { id: 12, name: 'Meadow Veterinary', phonenumber: '15551230007', address: '19 Meadow Way, Oxford' },
];

/** Customers whose name, phone or address contain every space-separated keyword, then one page of them. */
export function listCustomers(keywords: string, pageSize: number, pageNum: number): { retlist: Customer[]; total: number } {
  const words = keywords.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const matching = CUSTOMERS.filter((c) => {
    const text = `${c.name} ${c.phonenumber} ${c.address}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const start = (pageNum - 1) * pageSize;
  return { retlist: matching.slice(start, start + pageSize), total: matching.length };
}
